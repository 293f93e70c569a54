create table if not exists dim_region (
    region_code     varchar not null primary key,
    region_name     varchar not null,
    level           varchar not null,
    parent_code     varchar,
    county_code     varchar,
    prefecture_code varchar,
    province_code   varchar
);
comment on table dim_region is '行政区划（省、市、县、乡、村）；一行一个区划 | One administrative region per row (GB/T 2260 and NBS statistical division codes)';
comment on column dim_region.region_code is '区划代码（6/9/12位文本） | Region code as text: 6, 9 or 12 digits';
comment on column dim_region.region_name is '区划名称 | Official region name';
comment on column dim_region.level is '层级：province/prefecture/county/township/village | Level in the hierarchy';
comment on column dim_region.parent_code is '上级区划代码 | Code of the region directly above';
comment on column dim_region.county_code is '所属县级代码 | County-level code the region lies in';
comment on column dim_region.prefecture_code is '所属地级代码 | Prefecture-level code the region lies in';
comment on column dim_region.province_code is '所属省级代码 | Province-level code the region lies in';
