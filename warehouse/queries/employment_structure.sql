-- Employment of poverty-alleviated labour by county: stable employment and the share in public-welfare posts.
select
    county_code,
    county_name,
    year,
    transfer_employment_persons,
    public_welfare_posts,
    round(100.0 * public_welfare_posts / nullif(transfer_employment_persons, 0), 1) as posts_per_100_transferred,
from v_county_scorecard
where transfer_employment_persons is not null
order by year, county_code
