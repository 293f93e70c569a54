-- Cadres posted by dispatching level, per prefecture and year, with the villages they cover.
select
    dim_region.prefecture_code,
    prefecture.region_name as prefecture_name,
    fact_cadre_posting.year,
    fact_cadre_posting.dispatch_level,
    count(*) as cadres,
    count(distinct fact_cadre_posting.village_code) as villages,
    count(*) filter (where fact_cadre_posting.promoted) as promoted,
from fact_cadre_posting
join dim_region on dim_region.region_code = fact_cadre_posting.county_code
join dim_region as prefecture on prefecture.region_code = dim_region.prefecture_code
group by all
order by dim_region.prefecture_code, fact_cadre_posting.year, cadres desc
