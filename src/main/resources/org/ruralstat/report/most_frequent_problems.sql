-- The most frequent validation problems by rule, with an example message: in the submissions one run took in,
-- or in every submission when the bound run id is null. Bind: run id or null. Grain: rule × severity.
with params as (
    select cast(? as varchar) as run_id
),
scoped as (
    select etl_issue.*
    from etl_issue, params
    where params.run_id is null
       or etl_issue.submission_id in (
            select submission_id
            from etl_run_file
            where etl_run_file.run_id = params.run_id and outcome <> 'already_loaded'
       )
),
final as (
    select
        rule,
        severity,
        count(*) as findings,
        count(distinct submission_id) as submissions,
        min(message_zh) as example_zh,
    from scoped
    group by all
)
select * from final
order by findings desc, rule
limit 10
