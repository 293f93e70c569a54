create table if not exists etl_justification (
    submitter_code varchar not null,
    rule           varchar not null,
    fingerprint    varchar not null,
    justification  varchar not null,
    submission_id  bigint not null,
    accepted_at    timestamp not null,
    primary key (submitter_code, rule, fingerprint)
);
comment on table etl_justification is '已说明的警告：报送单位说明过的同一警告（同一规则、同一列、同一数值、同一提示）在以后的版本中自动记为已说明；一行一个报送单位、规则和警告 | Warnings a bureau has justified; the same warning (rule, column, value and message) on a later version is accepted with the same text. One row per submitter, rule and warning';
comment on column etl_justification.submitter_code is '报送单位代码 | Submitter region code';
comment on column etl_justification.rule is '规则编号 | Rule id';
comment on column etl_justification.fingerprint is '警告的指纹：列名、原始值与中文提示的 MD5 | MD5 of the warning''s column, value as written and Chinese message';
comment on column etl_justification.justification is '说明原文（个人信息已脱敏） | The justification as written, personal data masked';
comment on column etl_justification.submission_id is '首次说明该警告的报送编号 | Submission that first justified the warning';
comment on column etl_justification.accepted_at is '接受时间 | When the justification was accepted';
