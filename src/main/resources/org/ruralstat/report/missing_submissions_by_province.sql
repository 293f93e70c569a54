-- Who has not submitted, summarized: v_missing_submissions counted by province, subject and year, with the
-- first eight county names. Grain: province × subject × year.
with missing as (
    select * from v_missing_submissions
),
grouped as (
    select
        province_code,
        subject,
        year,
        count(*) as counties,
        array_to_string(list(county_name order by county_code)[1:8], '、') as first_counties,
    from missing
    group by all
),
final as (
    select
        grouped.province_code,
        dim_region.region_name as province_name,
        grouped.subject,
        grouped.year,
        grouped.counties,
        grouped.first_counties,
    from grouped
    left join dim_region on dim_region.region_code = grouped.province_code
)
select * from final
order by province_code, subject, year
