-- One line per county and year for the headline figures of all four subjects; NULL where the county reported
-- nothing of a subject that year (never 0, which would read as a figure). Grain: county × year.
create or replace view v_county_scorecard as
with cadres as (
    select
        county_code,
        year,
        count(*) as cadres_posted,
        count(*) filter (where role = 'first_secretary') as first_secretaries,
        count(distinct village_code) as villages_with_cadres,
    from fact_cadre_posting
    where county_code is not null
    group by all
),
indicators as (
    select
        region_code as county_code,
        year,
        max(value) filter (where indicator_code = 'rural_income_per_capita') as rural_income_per_capita_yuan,
        max(value) filter (where indicator_code = 'transfer_employment') as transfer_employment_persons,
        max(value) filter (where indicator_code = 'public_welfare_posts') as public_welfare_posts,
    from v_indicator_value
    where length(region_code) = 6
    group by all
),
sanitation as (
    select
        county_code,
        year,
        sum(investment_yuan) as sanitation_investment_yuan,
        count(*) as sanitation_projects,
    from fact_sanitation_project
    where county_code is not null
    group by all
),
keys as (
    select county_code, year from cadres
    union
    select county_code, year from indicators
    union
    select county_code, year from sanitation
),
final as (
    select
        keys.county_code,
        dim_region.region_name as county_name,
        dim_region.prefecture_code,
        dim_region.province_code,
        keys.year,
        cadres.cadres_posted,
        cadres.first_secretaries,
        cadres.villages_with_cadres,
        indicators.rural_income_per_capita_yuan,
        indicators.transfer_employment_persons,
        indicators.public_welfare_posts,
        sanitation.sanitation_investment_yuan,
        sanitation.sanitation_projects,
    from keys
    join dim_region on dim_region.region_code = keys.county_code and dim_region.level = 'county'
    left join cadres on cadres.county_code = keys.county_code and cadres.year = keys.year
    left join indicators on indicators.county_code = keys.county_code and indicators.year = keys.year
    left join sanitation on sanitation.county_code = keys.county_code and sanitation.year = keys.year
)
select * from final;
comment on view v_county_scorecard is '县级记分卡：各县各年度驻村干部、收入、就业、人居环境主要指标；一行为一个县、年度 | County × year headline figures of all four subjects';
