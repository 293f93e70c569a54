-- Sanitation works by county and project type, in canonical units (metres, square metres, units, households).
select
    fact_sanitation_project.county_code,
    dim_region.region_name as county_name,
    project_type,
    quantity_unit,
    count(*) as projects,
    count(distinct village_code) as villages,
    sum(quantity) as quantity,
    sum(investment_yuan) as investment_yuan,
from fact_sanitation_project
join dim_region on dim_region.region_code = fact_sanitation_project.county_code
group by all
order by county_code, project_type
