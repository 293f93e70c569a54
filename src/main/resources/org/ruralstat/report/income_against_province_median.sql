-- Each county's rural per-capita disposable income against its province's median, in the latest year of each
-- province with adequate coverage, as the analysts' question defines it: a year in which at least four fifths as many
-- counties reported as in the province's best-covered year (one county's early return never stands for the
-- province). Grain: county.
with income as (
    select * from {{ query('income_against_province_median') }}
),
years as (
    select distinct province_code, year, regions_in_province,
    from income
),
adequate as (
    select
        *,
        max(regions_in_province) over (partition by province_code) as best,
    from years
),
latest as (
    select
        province_code,
        max(year) as year,
    from adequate
    where regions_in_province >= 0.8 * best
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
        income.regions_in_province,
        income.regions_expected,
    from income
    join latest using (province_code, year)
    left join dim_region on dim_region.region_code = income.province_code
)
select * from final
order by province_code, rural_income_per_capita_yuan desc, county_code
