create table if not exists etl_retraction (
    submission_id  bigint not null,
    reason         varchar not null,
    facts_removed  integer not null,
    retracted_at   timestamp not null
);
comment on table etl_retraction is '撤回记录；一行为运维人员撤回的一个报送 | A submission withdrawn by the operator (ruralstat retract), with the reason given';
comment on column etl_retraction.submission_id is '被撤回的报送编号（其状态为 retracted） | The submission withdrawn; its status is retracted';
comment on column etl_retraction.reason is '撤回原因（身份证号、手机号已遮蔽） | The reason the operator gave (ID and mobile numbers masked)';
comment on column etl_retraction.facts_removed is '移出事实表的数据条数 | Facts taken out of the fact table';
comment on column etl_retraction.retracted_at is '撤回时间 | When it was withdrawn';
