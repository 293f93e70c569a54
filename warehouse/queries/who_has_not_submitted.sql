-- Who has not submitted: counties missing a subject and year that their province reports, per prefecture.
select
    v_missing_submissions.province_code,
    prefecture.region_name as prefecture_name,
    v_missing_submissions.subject,
    v_missing_submissions.year,
    count(*) as counties_missing,
    string_agg(v_missing_submissions.county_name, '、' order by v_missing_submissions.county_code) as counties,
from v_missing_submissions
left join dim_region as prefecture on prefecture.region_code = v_missing_submissions.prefecture_code
group by all
order by v_missing_submissions.province_code, v_missing_submissions.subject, v_missing_submissions.year, prefecture_name
