-- Every yearly indicator value by region: as reported, or rolled up the hierarchy where the region did not
-- report it itself and the indicator adds up (dim_indicator.aggregation = 'sum'). A reported value always wins
-- over a roll-up; a roll-up counts each reported region once, from the level closest to the target. A region
-- reported by two submitters counts once, as the most local submitter reported it. A per-capita indicator
-- (aggregation 'weighted_mean') rolls up weighted by the population its regions report (dim_indicator.weight_indicator,
-- such as rural_resident_population); where no region below reports its weight the row says so
-- ('not_rolled_up_no_weight', value NULL) instead of guessing. A roll-up says what it covers:
-- the counties (for a province or prefecture) or townships (for a county) with a value below it against those
-- dim_region holds; one that covers fewer than all is 'rolled_up_partial', never presented as the region's total.
-- Grain: region × year × indicator.
create or replace view v_indicator_value as
with reported_anywhere as (
    select region_code, year, indicator_code, value_yuan as value, submission_id, source_row from fact_income where period = cast(year as varchar)
    union all
    select region_code, year, indicator_code, persons as value, submission_id, source_row from fact_employment where period = cast(year as varchar)
),
reported as (
    -- when two submitters report the same region (a county itself and its prefecture), the most local one wins,
    -- then the latest submission: codes below a submitter sort after it (222401 after 222400 after 220000)
    select reported_anywhere.region_code, reported_anywhere.year, reported_anywhere.indicator_code, reported_anywhere.value,
        reported_anywhere.submission_id, reported_anywhere.source_row,
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
        ancestry.level as source_level,
        targets.prefix_length,
        dim_indicator.aggregation,
        weights.value as weight,
    from ancestry
    join dim_indicator using (indicator_code)
    left join reported as weights
        on weights.region_code = ancestry.region_code
       and weights.year = ancestry.year
       and weights.indicator_code = dim_indicator.weight_indicator
    join targets
        on targets.prefix_length = ancestry.above_length
       and targets.own_prefix = ancestry.above_prefix
    left join blocked
        on blocked.region_code = ancestry.region_code
       and blocked.year = ancestry.year
       and blocked.indicator_code = ancestry.indicator_code
    where dim_indicator.aggregation in ('sum', 'weighted_mean')
      and targets.region_code <> ancestry.region_code
      and coalesce(blocked.blocked_above_length, 0) <= targets.prefix_length
),
counted as (
    -- the sources a roll-up counts: every one for a sum, those that report their weight for a weighted mean
    select * from closest where aggregation = 'sum' or weight is not null
),
covered as (
    -- the coverage units each roll-up reaches: counties for a province or prefecture, townships for a county; a
    -- prefecture's own figure covers every county of it
    select target_code, year, indicator_code, left(source_code, 6) as unit_code,
    from counted
    where prefix_length < 6 and source_level in ('county', 'township', 'village')
    union
    select counted.target_code, counted.year, counted.indicator_code, dim_region.region_code,
    from counted
    join dim_region
        on dim_region.prefecture_code = counted.source_code and dim_region.level = 'county'
    where counted.prefix_length < 6 and counted.source_level = 'prefecture'
    union
    select target_code, year, indicator_code, left(source_code, 9),
    from counted
    where prefix_length = 6
),
covered_count as (
    select target_code, year, indicator_code, count(distinct unit_code) as regions_covered,
    from covered
    group by all
),
expected as (
    select dim_region.region_code as target_code, 'county' as coverage_level, counties.n as regions_expected,
    from dim_region
    join (select province_code, count(*) as n from dim_region where level = 'county' group by all) as counties
        on counties.province_code = dim_region.region_code
    where dim_region.level = 'province'
    union all
    select dim_region.region_code, 'county', counties.n,
    from dim_region
    join (select prefecture_code, count(*) as n from dim_region where level = 'county' group by all) as counties
        on counties.prefecture_code = dim_region.region_code
    where dim_region.level = 'prefecture'
    union all
    select dim_region.region_code, 'township', townships.n,
    from dim_region
    join (select county_code, count(*) as n from dim_region where level = 'township' group by all) as townships
        on townships.county_code = dim_region.region_code
    where dim_region.level = 'county'
),
rolled_up as (
    -- a sum adds its sources; a weighted mean (per-capita income) weighs each source by the population it reports
    select
        closest.target_code as region_code,
        closest.year,
        closest.indicator_code,
        any_value(closest.aggregation) as aggregation,
        case when any_value(closest.aggregation) = 'sum' then sum(closest.value)
            else sum(closest.value * closest.weight) / nullif(sum(closest.weight), 0)
        end as value,
        count(*) filter (where closest.aggregation = 'sum' or closest.weight is not null) as regions_summed,
    from closest
    group by closest.target_code, closest.year, closest.indicator_code
),
coverage as (
    select
        rolled_up.*,
        expected.coverage_level,
        coalesce(covered_count.regions_covered, 0) as regions_covered,
        expected.regions_expected,
    from rolled_up
    left join expected on expected.target_code = rolled_up.region_code
    left join covered_count
        on covered_count.target_code = rolled_up.region_code
       and covered_count.year = rolled_up.year
       and covered_count.indicator_code = rolled_up.indicator_code
),
final as (
    select region_code, year, indicator_code, value, 'reported' as value_source, 1 as regions_summed,
        cast(null as varchar) as coverage_level, cast(null as bigint) as regions_covered,
        cast(null as bigint) as regions_expected, submission_id, source_row,
    from reported
    union all
    select coverage.region_code, coverage.year, coverage.indicator_code, cast(round(coverage.value, 2) as decimal(38, 2)),
        case
            when coverage.regions_summed = 0 then 'not_rolled_up_no_weight'
            when coverage.regions_covered >= coverage.regions_expected then 'rolled_up'
            else 'rolled_up_partial'
        end,
        coverage.regions_summed, coverage.coverage_level, coverage.regions_covered, coverage.regions_expected,
        null, null,
    from coverage as coverage
    where not exists (
        select 1 from reported
        where reported.region_code = coverage.region_code
          and reported.year = coverage.year
          and reported.indicator_code = coverage.indicator_code
    )
)
select * from final;
comment on view v_indicator_value is '各地区年度指标值：上报值，或按指标汇总规则由下级汇总（上报值优先；下级未报齐的汇总标为 rolled_up_partial）；一行为一个地区、年度、指标 | Yearly indicator values by region, as reported or rolled up where the indicator adds up (reported values win; a roll-up that does not cover every county or township below is rolled_up_partial)';
