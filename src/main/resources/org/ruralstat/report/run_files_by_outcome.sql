-- The files one run saw, counted by what the run did with them. Bind: run id. Grain: outcome.
with run_files as (
    select outcome
    from etl_run_file
    where run_id = ?
),
final as (
    select
        outcome,
        count(*) as files,
    from run_files
    group by all
)
select * from final
order by files desc, outcome
