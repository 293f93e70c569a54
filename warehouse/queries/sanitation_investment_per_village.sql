-- Sanitation investment per village reached, by county.
select
    fact_sanitation_project.county_code,
    dim_region.region_name as county_name,
    count(distinct village_code) as villages,
    count(*) as projects,
    sum(investment_yuan) as investment_yuan,
    round(sum(investment_yuan) / count(distinct village_code), 2) as investment_per_village_yuan,
from fact_sanitation_project
join dim_region on dim_region.region_code = fact_sanitation_project.county_code
group by all
order by investment_per_village_yuan desc
