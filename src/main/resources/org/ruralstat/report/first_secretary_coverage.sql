-- The share of each county's villages with a first secretary, in the latest year the county reported cadres,
-- as the analysts' question defines it. Grain: county.
with coverage as (
    select * from {{ query('first_secretary_coverage') }}
),
latest as (
    select
        county_code,
        max(year) as year,
    from coverage
    group by all
),
final as (
    select
        coverage.county_code,
        coverage.county_name,
        coverage.year,
        coverage.villages_with_first_secretary,
        coverage.villages,
        coverage.coverage_percent,
    from coverage
    join latest using (county_code, year)
)
select * from final
order by coverage_percent desc, county_code
