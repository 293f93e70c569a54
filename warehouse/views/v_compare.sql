-- Cross-region comparison: each region's yearly indicator value against the other regions of the same level in
-- its province that have a value, with the coverage of that comparison: how many regions of the level have a value
-- against how many the province has. Ranks and medians are taken over those values only; a roll-up that does not
-- cover every region below it takes no part. Grain: region × year × indicator.
create or replace view v_compare as
with values_by_region as (
    select
        v_indicator_value.region_code,
        dim_region.region_name,
        dim_region.level,
        dim_region.province_code,
        v_indicator_value.year,
        v_indicator_value.indicator_code,
        v_indicator_value.value,
        v_indicator_value.value_source,
        exists (
            select 1 from etl_issue
            where etl_issue.submission_id = v_indicator_value.submission_id
              and etl_issue.row_number = v_indicator_value.source_row
              and etl_issue.severity = 'warning'
              and etl_issue.justification is null
        ) as has_open_warning,
        exists (
            select 1 from etl_issue
            where etl_issue.submission_id = v_indicator_value.submission_id
              and etl_issue.row_number = v_indicator_value.source_row
              and etl_issue.severity = 'warning'
              and etl_issue.justification is not null
        ) as has_justified_warning,
    from v_indicator_value
    join dim_region using (region_code)
    where v_indicator_value.value_source in ('reported', 'rolled_up')
),
regions_by_level as (
    select province_code, level, count(*) as regions_expected,
    from dim_region
    group by all
),
ranked as (
    select
        *,
        rank() over (partition by province_code, level, year, indicator_code order by value desc) as rank_in_province,
        count(*) over (partition by province_code, level, year, indicator_code) as regions_in_province,
        median(value) over (partition by province_code, level, year, indicator_code) as province_median,
    from values_by_region
),
final as (
    select
        ranked.region_code,
        ranked.region_name,
        ranked.level,
        ranked.province_code,
        ranked.year,
        ranked.indicator_code,
        ranked.value,
        ranked.value_source,
        ranked.rank_in_province,
        ranked.regions_in_province,
        regions_by_level.regions_expected,
        round(ranked.regions_in_province / regions_by_level.regions_expected, 4) as coverage,
        ranked.province_median,
        ranked.has_open_warning,
        ranked.has_justified_warning,
        case when ranked.province_median <> 0 then ranked.value / ranked.province_median end as ratio_to_median,
        case when previous.value <> 0 then ranked.value / previous.value - 1 end as yoy_change,
    from ranked
    left join regions_by_level
        on regions_by_level.province_code = ranked.province_code and regions_by_level.level = ranked.level
    left join values_by_region as previous
        on previous.region_code = ranked.region_code
       and previous.indicator_code = ranked.indicator_code
       and previous.year = ranked.year - 1
)
select * from final;
comment on view v_compare is '跨地区比较：地区年度指标值、省内同级排名、省内中位数（仅在有数值的地区中计算）、覆盖率（有数值的地区数/应有地区数）、是否有未解决警告、是否有已说明的警告、与中位数之比、同比变化；一行为一个地区、年度、指标 | Region × year × indicator with rank and median among the same-level regions of the province that have a value, the coverage (regions_in_province of regions_expected), whether the value carries an open warning or one its bureau justified, ratio to the median and year-on-year change';
