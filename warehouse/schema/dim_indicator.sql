create table if not exists dim_indicator (
    indicator_code   varchar not null primary key,
    subject          varchar not null,
    name_zh          varchar not null,
    name_en          varchar not null,
    unit             varchar not null,
    aggregation      varchar not null,
    weight_indicator varchar
);
comment on table dim_indicator is '指标定义；一行一个指标 | One indicator per row, with its canonical unit and how it aggregates';
comment on column dim_indicator.indicator_code is '指标代码 | Stable indicator code';
comment on column dim_indicator.subject is '所属主题 | Subject the indicator belongs to';
comment on column dim_indicator.name_zh is '中文名称 | Chinese name';
comment on column dim_indicator.name_en is '英文名称 | English name';
comment on column dim_indicator.unit is '标准单位（yuan/persons） | Canonical unit';
comment on column dim_indicator.aggregation is '汇总方式：sum 可加总，weighted_mean 人均类不可加总，none | How the indicator rolls up the hierarchy';
comment on column dim_indicator.weight_indicator is '加权平均时的权重指标 | Indicator used as weight for weighted_mean';
