-- Every yearly indicator value by region: as reported, or rolled up the hierarchy where the region did not
-- report it itself and the indicator adds up (dim_indicator.aggregation = 'sum'). A reported value always wins
-- over a roll-up; a roll-up counts each reported region once, from the level closest to the target. A region
-- reported by two submitters counts once, as the most local submitter reported it.
-- Grain: region × year × indicator.
create or replace view v_indicator_value as
with reported_anywhere as (
    select region_code, year, indicator_code, value_yuan as value, submission_id from fact_income where period = cast(year as varchar)
    union all
    select region_code, year, indicator_code, persons as value, submission_id from fact_employment where period = cast(year as varchar)
),
reported as (
    -- when two submitters report the same region (a county itself and its prefecture), the most local one wins,
    -- then the latest submission: codes below a submitter sort after it (222401 after 222400 after 220000)
    select reported_anywhere.region_code, reported_anywhere.year, reported_anywhere.indicator_code, reported_anywhere.value,
    from reported_anywhere
    join etl_submission using (submission_id)
    qualify row_number() over (
        partition by reported_anywhere.region_code, reported_anywhere.year, reported_anywhere.indicator_code
        order by etl_submission.submitter_code desc, submission_id desc
    ) = 1
),
reported_regions as (
    select
        reported.*,
        dim_region.level,
    from reported
    join dim_region using (region_code)
),
targets as (
    select
        region_code,
        level,
        case level when 'province' then 2 when 'prefecture' then 4 when 'county' then 6 else 9 end as prefix_length,
    from dim_region
    where level in ('province', 'prefecture', 'county')
),
candidates as (
    select
        targets.region_code as target_code,
        reported_regions.region_code as source_code,
        reported_regions.year,
        reported_regions.indicator_code,
        reported_regions.value,
        targets.prefix_length,
    from reported_regions
    join dim_indicator using (indicator_code)
    join targets
        on left(reported_regions.region_code, targets.prefix_length) = left(targets.region_code, targets.prefix_length)
       and reported_regions.region_code <> targets.region_code
       and length(reported_regions.region_code) >= targets.prefix_length
    where dim_indicator.aggregation = 'sum'
),
closest as (
    -- drop a source when another reported region lies between it and the target
    select candidates.*
    from candidates
    where not exists (
        select 1 from reported_regions as between_region
        where between_region.year = candidates.year
          and between_region.indicator_code = candidates.indicator_code
          and between_region.region_code <> candidates.source_code
          and between_region.region_code <> candidates.target_code
          and left(between_region.region_code, candidates.prefix_length) = left(candidates.target_code, candidates.prefix_length)
          and between_region.level <> 'province'
          and starts_with(candidates.source_code, case between_region.level
                when 'prefecture' then left(between_region.region_code, 4)
                when 'county' then left(between_region.region_code, 6)
                when 'township' then left(between_region.region_code, 9)
                else between_region.region_code end)
          and candidates.source_code <> between_region.region_code
    )
),
rolled_up as (
    select
        target_code as region_code,
        year,
        indicator_code,
        sum(value) as value,
        count(*) as regions_summed,
    from closest
    group by all
),
final as (
    select region_code, year, indicator_code, value, 'reported' as value_source, 1 as regions_summed
    from reported
    union all
    select rolled_up.region_code, rolled_up.year, rolled_up.indicator_code, rolled_up.value, 'rolled_up', rolled_up.regions_summed
    from rolled_up
    where not exists (
        select 1 from reported
        where reported.region_code = rolled_up.region_code
          and reported.year = rolled_up.year
          and reported.indicator_code = rolled_up.indicator_code
    )
)
select * from final;
comment on view v_indicator_value is '各地区年度指标值：上报值，或按指标汇总规则由下级汇总（上报值优先）；一行为一个地区、年度、指标 | Yearly indicator values by region, as reported or rolled up where the indicator adds up; reported values win';
