create table if not exists etl_issue (
    submission_id bigint not null,
    sheet         varchar,
    row_number    integer,
    column_name   varchar,
    cell_ref      varchar,
    raw_value     varchar,
    rule          varchar not null,
    severity      varchar not null,
    message_zh    varchar not null,
    message_en    varchar not null,
    justification varchar
);
alter table etl_issue add column if not exists justification varchar;
comment on table etl_issue is '校验发现的问题；一行一个问题 | One problem found in a submission';
comment on column etl_issue.submission_id is '报送编号 | Submission id';
comment on column etl_issue.sheet is '工作表 | Sheet';
comment on column etl_issue.row_number is '行号（从1起，整文件问题为空） | 1-based row; empty for a whole-file problem';
comment on column etl_issue.column_name is '列名（表头原文） | Column header as written';
comment on column etl_issue.cell_ref is '单元格（A1格式） | Cell reference in A1 style';
comment on column etl_issue.raw_value is '原始值（个人信息已脱敏） | Value as written, personal data masked';
comment on column etl_issue.rule is '规则编号 | Rule id (see jobs/*.yml)';
comment on column etl_issue.severity is '严重程度：error 该行未入库，warning 已入库并标记 | error: row not loaded; warning: loaded and flagged';
comment on column etl_issue.message_zh is '中文说明 | Message in Chinese';
comment on column etl_issue.message_en is '英文说明 | Message in English';
comment on column etl_issue.justification is '报送单位对警告的说明；非空即该警告已说明（已接受），不再视为未解决；错误不能说明 | The bureau''s justification of a warning; when set, the warning is accepted and no longer open. Errors cannot be justified';
