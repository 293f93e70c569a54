create table if not exists etl_recheck (
    submission_id           bigint not null,
    rechecked_submission_id bigint not null,
    requested_at            timestamp not null
);
comment on table etl_recheck is '复核记录；一行为运维人员在定义或参考数据变更后对一个报送的重新读取 | A submission read again from its unchanged file (ruralstat recheck) after the definitions or seeds changed';
comment on column etl_recheck.submission_id is '复核产生的新报送编号 | The new submission the file was read again as';
comment on column etl_recheck.rechecked_submission_id is '被复核的报送编号；复核入库后其剩余数据全部被替换 | The submission read again; once the new one loads, none of its facts stay live';
comment on column etl_recheck.requested_at is '申请复核时间 | When the recheck was asked for';
