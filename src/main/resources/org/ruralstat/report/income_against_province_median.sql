-- Each county's rural per-capita disposable income against its province's median, in the latest year each
-- province has, as the analysts' question defines it. Grain: county.
with income as (
    select * from {{ query('income_against_province_median') }}
),
latest as (
    select
        province_code,
        max(year) as year,
    from income
    group by all
),
final as (
    select
        income.province_code,
        dim_region.region_name as province_name,
        income.year,
        income.county_code,
        income.county_name,
        income.rural_income_per_capita_yuan,
        income.province_median,
    from income
    join latest using (province_code, year)
    left join dim_region on dim_region.region_code = income.province_code
)
select * from final
order by province_code, rural_income_per_capita_yuan desc, county_code
