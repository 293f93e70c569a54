-- Cross-region comparison: each region's yearly indicator value against the other regions of the same level in
-- its province. Grain: region × year × indicator.
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
    from v_indicator_value
    join dim_region using (region_code)
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
        ranked.province_median,
        case when ranked.province_median <> 0 then ranked.value / ranked.province_median end as ratio_to_median,
        case when previous.value <> 0 then ranked.value / previous.value - 1 end as yoy_change,
    from ranked
    left join values_by_region as previous
        on previous.region_code = ranked.region_code
       and previous.indicator_code = ranked.indicator_code
       and previous.year = ranked.year - 1
)
select * from final;
comment on view v_compare is '跨地区比较：地区年度指标值、省内同级排名、省内中位数、与中位数之比、同比变化；一行为一个地区、年度、指标 | Region × year × indicator with rank among same-level regions of the province, province median, ratio to it and year-on-year change';
