-- The most frequent validation problems across all submissions, with an example message.
select
    etl_issue.rule,
    etl_issue.severity,
    count(*) as findings,
    count(distinct etl_issue.submission_id) as submissions,
    any_value(etl_issue.message_zh) as example_zh,
from etl_issue
group by all
order by findings desc, rule
