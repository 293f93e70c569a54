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
        case dim_region.level
            when 'province' then 2 when 'prefecture' then 4 when 'county' then 6 when 'township' then 9 else 12
        end as prefix_length,
    from reported
    join dim_region using (region_code)
),
reported_prefixes as (
    -- the code prefix a region's descendants share: 22 for 220000, 2201 for 220100, 220102, 220102001
    select
        *,
        left(region_code, prefix_length) as own_prefix,
    from reported_regions
),
ancestry as (
    -- each reported region once per level above it, with that level's code prefix of its own code, so that every
    -- step below is a join on equal keys (a join on prefixes of varying length compares every pair of regions)
    select
        reported_prefixes.*,
        levels.above_length,
        left(reported_prefixes.region_code, levels.above_length) as above_prefix,
    from reported_prefixes
    join (values (2), (4), (6), (9)) as levels (above_length)
        on levels.above_length < reported_prefixes.prefix_length
),
blocked as (
    -- the deepest region above each reported region that was itself reported (a province never blocks): the region
    -- counts towards targets at or below that one only, which count it through that region's own figure
    select
        ancestry.region_code,
        ancestry.year,
        ancestry.indicator_code,
        max(ancestry.above_length) as blocked_above_length,
    from ancestry
    join reported_prefixes as above
        on above.year = ancestry.year
       and above.indicator_code = ancestry.indicator_code
       and above.prefix_length = ancestry.above_length
       and above.own_prefix = ancestry.above_prefix
    where above.level in ('prefecture', 'county', 'township')
    group by all
),
targets as (
    select
        region_code,
        level,
        case level when 'province' then 2 when 'prefecture' then 4 else 6 end as prefix_length,
        left(region_code, prefix_length) as own_prefix,
    from dim_region
    where level in ('province', 'prefecture', 'county')
),
closest as (
    -- each reported region under each target above it, unless a reported region lies between the two
    select
        targets.region_code as target_code,
        ancestry.region_code as source_code,
        ancestry.year,
        ancestry.indicator_code,
        ancestry.value,
        targets.prefix_length,
    from ancestry
    join dim_indicator using (indicator_code)
    join targets
        on targets.prefix_length = ancestry.above_length
       and targets.own_prefix = ancestry.above_prefix
    left join blocked
        on blocked.region_code = ancestry.region_code
       and blocked.year = ancestry.year
       and blocked.indicator_code = ancestry.indicator_code
    where dim_indicator.aggregation = 'sum'
      and targets.region_code <> ancestry.region_code
      and coalesce(blocked.blocked_above_length, 0) <= targets.prefix_length
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
