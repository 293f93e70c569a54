-- Completeness: the counties of each province that have not reported a subject for a year in which other
-- counties of the same province did. Grain: county × subject × year.
create or replace view v_missing_submissions as
with reported as (
    select county_code, 'cadres' as subject, year from fact_cadre_posting
    union
    select county_code, 'income' as subject, year from fact_income
    union
    select county_code, 'employment' as subject, year from fact_employment
    union
    select county_code, 'sanitation' as subject, year from fact_sanitation_project
),
reported_counties as (
    select reported.*, dim_region.province_code
    from reported
    join dim_region on dim_region.region_code = reported.county_code
    where reported.county_code is not null and reported.year is not null
),
expected as (
    select distinct province_code, subject, year
    from reported_counties
),
counties as (
    select
        region_code as county_code,
        region_name as county_name,
        prefecture_code,
        province_code,
    from dim_region
    -- NBS-only development zones (xx7x) have no bureau of their own
    where level = 'county' and substr(region_code, 5, 1) <> '7'
),
final as (
    select
        counties.province_code,
        counties.prefecture_code,
        counties.county_code,
        counties.county_name,
        expected.subject,
        expected.year,
    from expected
    join counties on counties.province_code = expected.province_code
    where not exists (
        select 1 from reported_counties
        where reported_counties.county_code = counties.county_code
          and reported_counties.subject = expected.subject
          and reported_counties.year = expected.year
    )
)
select * from final;
comment on view v_missing_submissions is '未报送清单：同省其他县已报送、本县尚未报送的主题和年度；一行为一个县、主题、年度 | Counties that have not reported a subject for a year in which others of their province did';
