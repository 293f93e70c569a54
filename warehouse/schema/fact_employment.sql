create table if not exists fact_employment (
    submission_id  bigint not null,
    source_row     integer not null,
    sheet          varchar,
    source_column  varchar,
    region_code    varchar not null,
    reported_region_code varchar,
    county_code    varchar,
    year           integer not null,
    period         varchar not null,
    indicator_code varchar not null,
    persons        bigint not null
);
comment on table fact_employment is '就业；一行为一个地区、一个指标、一个报告期 | One region, employment indicator and period';
comment on column fact_employment.submission_id is '来源报送编号 | Submission the row came from';
comment on column fact_employment.source_row is '来源表格行号（从1起） | 1-based row number in the source sheet';
comment on column fact_employment.sheet is '来源工作表 | Source sheet name';
comment on column fact_employment.region_code is '地区区划代码（文本） | Region code as text';
comment on column fact_employment.county_code is '所属县级代码（县级以上地区为空） | County-level code, empty above county level';
comment on column fact_employment.year is '年度 | Year';
comment on column fact_employment.period is '报告期（2022、2022-Q2、2022-06） | Reporting period';
comment on column fact_employment.indicator_code is '指标代码（dim_indicator） | Indicator code';
comment on column fact_employment.persons is '数值，单位：人 | Value in persons';
comment on column fact_employment.source_column is '数值所在列（A1列字母） | Column letter the value was read from';
comment on column fact_employment.reported_region_code is '上报时使用的已撤销区划代码（已换为现行代码 region_code），否则为空 | The retired code as reported, when region_code is its successor; empty otherwise';
