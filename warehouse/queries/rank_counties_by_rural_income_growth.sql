-- Rank the counties of Jilin (220000) by growth of rural per-capita disposable income, latest year first.
select
    year,
    rank_in_province as income_rank,
    region_code as county_code,
    region_name as county_name,
    value as rural_income_per_capita_yuan,
    round(yoy_change * 100, 1) as growth_percent,
    rank() over (partition by year order by yoy_change desc) as growth_rank,
from v_compare
where province_code = '220000'
  and level = 'county'
  and indicator_code = 'rural_income_per_capita'
  and yoy_change is not null
order by year desc, growth_rank
