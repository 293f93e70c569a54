-- First-secretary coverage: the share of each county's administrative villages with a first secretary posted.
with villages as (
    select county_code, count(*) as villages
    from dim_region
    where level = 'village' and region_name like '%村%' and region_name not like '%社区%'
    group by all
),
covered as (
    select county_code, year, count(distinct village_code) as villages_with_first_secretary
    from fact_cadre_posting
    where role = 'first_secretary'
    group by all
)
select
    covered.county_code,
    dim_region.region_name as county_name,
    covered.year,
    covered.villages_with_first_secretary,
    villages.villages,
    round(100.0 * covered.villages_with_first_secretary / villages.villages, 1) as coverage_percent,
from covered
join villages using (county_code)
join dim_region on dim_region.region_code = covered.county_code
order by coverage_percent desc, county_code
