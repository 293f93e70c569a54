create table if not exists fact_sanitation_project (
    submission_id        bigint not null,
    source_row           integer not null,
    sheet                varchar,
    project_name         varchar not null,
    village_code         varchar,
    county_code          varchar,
    project_type         varchar not null,
    quantity             decimal(18, 2),
    quantity_unit        varchar,
    investment_yuan      decimal(18, 2),
    start_date           date,
    completion_date      date,
    status               varchar,
    households_benefited integer,
    year                 integer,
    period               varchar
);
comment on table fact_sanitation_project is '人居环境整治项目；一行为一个村的一个项目 | One sanitation project in one village';
comment on column fact_sanitation_project.submission_id is '来源报送编号 | Submission the row came from';
comment on column fact_sanitation_project.source_row is '来源表格行号（从1起） | 1-based row number in the source sheet';
comment on column fact_sanitation_project.sheet is '来源工作表 | Source sheet name';
comment on column fact_sanitation_project.project_name is '项目名称 | Project name';
comment on column fact_sanitation_project.village_code is '实施村区划代码 | Village code';
comment on column fact_sanitation_project.county_code is '所属县级代码 | County-level code';
comment on column fact_sanitation_project.project_type is '类型：sewage_pipe/septic_tank/treatment_unit/toilet_renovation/waste_collection/road_restoration | Project type';
comment on column fact_sanitation_project.quantity is '工程量（按标准单位） | Quantity in the canonical unit';
comment on column fact_sanitation_project.quantity_unit is '工程量单位：m/m2/unit/household | Canonical unit of the quantity';
comment on column fact_sanitation_project.investment_yuan is '投资，单位：元 | Investment in yuan';
comment on column fact_sanitation_project.start_date is '开工日期 | Start date';
comment on column fact_sanitation_project.completion_date is '完工日期 | Completion date';
comment on column fact_sanitation_project.status is '状态：planned/in_progress/completed | Status';
comment on column fact_sanitation_project.households_benefited is '受益户数 | Households benefited';
comment on column fact_sanitation_project.year is '报告年度 | Reporting year';
comment on column fact_sanitation_project.period is '报告期 | Reporting period';
