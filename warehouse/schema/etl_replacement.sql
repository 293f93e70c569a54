create table if not exists etl_replacement (
    submission_id          bigint not null,
    replaced_submission_id bigint not null,
    facts_replaced         integer not null,
    whole                  boolean not null,
    replaced_at            timestamp not null
);
comment on table etl_replacement is '版本替换记录；一行为一个报送替换另一个报送的部分或全部数据 | One submission replacing some or all live facts of an earlier one from the same submitter and subject';
comment on column etl_replacement.submission_id is '新报送编号 | The newer submission';
comment on column etl_replacement.replaced_submission_id is '被替换的报送编号 | The earlier submission whose facts it replaced';
comment on column etl_replacement.facts_replaced is '被替换的数据条数（地区、指标、报告期相同） | Facts replaced: those with a key (region, indicator, period) the newer submission reports';
comment on column etl_replacement.whole is '是否全部替换（被替换的报送已无有效数据，状态为 superseded） | True when no live fact of the earlier submission is left (its status becomes superseded)';
comment on column etl_replacement.replaced_at is '替换时间 | When the facts were replaced';
