-- Sanitation investment by county over every year reported, in yuan, as the analysts' question counts it,
-- with the years it spans. Grain: county.
with investment as (
    select * from {{ query('sanitation_investment_per_village') }}
),
years as (
    select
        county_code,
        min(year) as first_year,
        max(year) as last_year,
    from fact_sanitation_project
    group by all
),
final as (
    select
        investment.county_code,
        investment.county_name,
        investment.villages,
        investment.projects,
        investment.investment_yuan,
        years.first_year,
        years.last_year,
    from investment
    left join years using (county_code)
)
select * from final
order by investment_yuan desc, county_code
