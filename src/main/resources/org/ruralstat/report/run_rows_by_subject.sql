-- Source rows read, loaded, rejected and warned in the submissions one run took in. Bind: run id.
-- Grain: subject × status.
with run_submissions as (
    select distinct submission_id
    from etl_run_file
    where run_id = ? and outcome <> 'already_loaded'
),
final as (
    select
        etl_submission.subject,
        etl_submission.status,
        count(*) as files,
        sum(etl_submission.rows_read) as rows_read,
        sum(etl_submission.rows_loaded) as rows_loaded,
        sum(etl_submission.rows_rejected) as rows_rejected,
        sum(etl_submission.rows_warned) as rows_warned,
    from etl_submission
    join run_submissions using (submission_id)
    group by all
)
select * from final
order by subject nulls last, status
