-- Every submission in the ledger with its submitter's name and what one run did with it. Bind: run id.
-- Grain: submission.
with this_run as (
    select
        submission_id,
        min(outcome) as outcome_this_run,
    from etl_run_file
    where run_id = ?
    group by all
),
final as (
    select
        etl_submission.submission_id,
        etl_submission.submitter_code,
        dim_region.region_name as submitter_name,
        etl_submission.subject,
        etl_submission.period,
        etl_submission.file_name,
        etl_submission.status,
        etl_submission.status_reason,
        etl_submission.rows_read,
        etl_submission.rows_loaded,
        etl_submission.rows_rejected,
        etl_submission.rows_warned,
        etl_submission.feedback_path,
        this_run.outcome_this_run,
    from etl_submission
    left join dim_region on dim_region.region_code = etl_submission.submitter_code
    left join this_run using (submission_id)
)
select * from final
order by submitter_code, subject nulls last, period nulls last, submission_id
