create table if not exists fact_cadre_posting (
    submission_id    bigint not null,
    source_row       integer not null,
    sheet            varchar,
    cadre_key        varchar not null,
    name_masked      varchar,
    gender           varchar,
    birth_year       integer,
    political_status varchar,
    dispatch_level   varchar,
    dispatching_unit varchar,
    role             varchar,
    village_code     varchar,
    county_code      varchar,
    start_date       date,
    end_date         date,
    training_hours   decimal(9, 1),
    promoted         boolean,
    year             integer,
    period           varchar
);
comment on table fact_cadre_posting is '驻村干部选派；一行为一名干部派驻一个村 | One cadre posted to one village';
comment on column fact_cadre_posting.submission_id is '来源报送编号（etl_submission） | Submission the row came from';
comment on column fact_cadre_posting.source_row is '来源表格行号（从1起） | 1-based row number in the source sheet';
comment on column fact_cadre_posting.sheet is '来源工作表 | Source sheet name';
comment on column fact_cadre_posting.cadre_key is '身份证号的密钥哈希（HMAC-SHA256），不含明文 | Keyed hash of the ID number, never the number';
comment on column fact_cadre_posting.name_masked is '脱敏姓名（张*明） | Masked name';
comment on column fact_cadre_posting.gender is '性别：male/female | Gender';
comment on column fact_cadre_posting.birth_year is '出生年份 | Year of birth';
comment on column fact_cadre_posting.political_status is '政治面貌 | Political affiliation as reported';
comment on column fact_cadre_posting.dispatch_level is '选派层级：central/provincial/prefecture/county/township | Dispatching level';
comment on column fact_cadre_posting.dispatching_unit is '派出单位 | Sending organization';
comment on column fact_cadre_posting.role is '职务：first_secretary/team_leader/team_member | Role in the village';
comment on column fact_cadre_posting.village_code is '派驻村区划代码（12位） | 12-digit code of the village';
comment on column fact_cadre_posting.county_code is '所属县级代码 | County-level code';
comment on column fact_cadre_posting.start_date is '任职起始日期 | Start of the posting';
comment on column fact_cadre_posting.end_date is '任职结束日期 | End of the posting';
comment on column fact_cadre_posting.training_hours is '培训学时（小时） | Training hours';
comment on column fact_cadre_posting.promoted is '是否提拔 | Promoted';
comment on column fact_cadre_posting.year is '报告年度 | Reporting year';
comment on column fact_cadre_posting.period is '报告期（2022、2022-Q2、2022-06） | Reporting period';
