create table if not exists fact_income (
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
    value_yuan     decimal(18, 2) not null
);
comment on table fact_income is '收入；一行为一个地区、一个指标、一个报告期 | One region, income indicator and period';
comment on column fact_income.submission_id is '来源报送编号 | Submission the row came from';
comment on column fact_income.source_row is '来源表格行号（从1起） | 1-based row number in the source sheet';
comment on column fact_income.sheet is '来源工作表 | Source sheet name';
comment on column fact_income.region_code is '地区区划代码（文本） | Region code as text';
comment on column fact_income.county_code is '所属县级代码（县级以上地区为空） | County-level code, empty above county level';
comment on column fact_income.year is '年度 | Year';
comment on column fact_income.period is '报告期（2022、2022-Q2、2022-06） | Reporting period';
comment on column fact_income.indicator_code is '指标代码（dim_indicator） | Indicator code';
comment on column fact_income.value_yuan is '数值，单位：元 | Value in yuan';
comment on column fact_income.source_column is '数值所在列（A1列字母） | Column letter the value was read from';
comment on column fact_income.reported_region_code is '上报时使用的已撤销区划代码（已换为现行代码 region_code），否则为空 | The retired code as reported, when region_code is its successor; empty otherwise';
