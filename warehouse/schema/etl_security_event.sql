create table if not exists etl_security_event (
    submission_id  bigint not null,
    submitter_code varchar not null,
    event          varchar not null,
    detail         varchar,
    rows_affected  integer,
    detected_at    timestamp not null
);
comment on table etl_security_event is '安全事件：如报送超出管辖范围的地区；一行一个事件 | A security event, such as a submission reporting for regions outside its jurisdiction';
comment on column etl_security_event.event is '事件类型：outside_jurisdiction | Kind of event';
comment on column etl_security_event.detail is '说明（超出范围的地区样例） | Details (sample of the regions outside)';
comment on column etl_security_event.rows_affected is '涉及行数 | Rows involved';
