-- Each county's rural per-capita income against the median of its province's counties that reported, with how
-- many reported (regions_in_province) of how many the province has (regions_expected).
select
    province_code,
    year,
    region_code as county_code,
    region_name as county_name,
    value as rural_income_per_capita_yuan,
    province_median,
    round(ratio_to_median, 3) as ratio_to_median,
    rank_in_province,
    regions_in_province,
    regions_expected,
    coverage,
from v_compare
where level = 'county' and indicator_code = 'rural_income_per_capita'
order by province_code, year, rank_in_province
