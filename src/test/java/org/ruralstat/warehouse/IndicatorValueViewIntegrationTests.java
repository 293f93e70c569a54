package org.ruralstat.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.subject.RepositorySubjects;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v_indicator_value's roll-up: an indicator that adds up is summed into each province, prefecture and county from
 * the reported regions closest to it; a reported value wins over a roll-up; per-capita figures are never summed.
 */
class IndicatorValueViewIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void rollsUpFromTheClosestReportedRegionsOnly() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp)) {
            new WarehouseSchema(warehouse, RepositorySubjects.all()).apply();
            try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into dim_region (region_code, region_name, level, parent_code, county_code, prefecture_code, province_code)
                        values ('220000', '吉林省', 'province', null, null, null, '220000'),
                               ('222400', '延边朝鲜族自治州', 'prefecture', '220000', null, '222400', '220000'),
                               ('222401', '延吉市', 'county', '222400', '222401', '222400', '220000'),
                               ('222402', '图们市', 'county', '222400', '222402', '222400', '220000'),
                               ('222402100', '月晴镇', 'township', '222402', '222402', '222400', '220000'),
                               ('222402100200', '白石村', 'village', '222402100', '222402', '222400', '220000'),
                               ('222402100201', '马牌村', 'village', '222402100', '222402', '222400', '220000'),
                               ('222402101', '凉水镇', 'township', '222402', '222402', '222400', '220000'),
                               ('222402101200', '凉水村', 'village', '222402101', '222402', '222400', '220000')""");
                s.execute("""
                        insert into dim_indicator (indicator_code, subject, name_zh, name_en, unit, aggregation)
                        values ('collective_income', 'income', '村集体经济收入', 'collective income', '元', 'sum'),
                               ('rural_income_per_capita', 'income', '农村居民人均可支配收入', 'rural income per capita', '元', 'none')""");
                s.execute("""
                        insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, received_at, status)
                        values (1, '222402', 'a.csv', '222402/a.csv', 'x', now(), 'loaded'),
                               (2, '222401', 'b.csv', '222401/b.csv', 'y', now(), 'loaded')""");
                // 月晴镇 reports its own total (25), which stands for its two villages (10 + 20) above it;
                // 凉水村 (5) has no reported township above it; 延吉市 reports 100 and a per-capita income
                s.execute("""
                        insert into fact_income (submission_id, source_row, region_code, county_code, year, period, indicator_code, value_yuan)
                        values (1, 2, '222402100200', '222402', 2021, '2021', 'collective_income', 10),
                               (1, 3, '222402100201', '222402', 2021, '2021', 'collective_income', 20),
                               (1, 4, '222402100', '222402', 2021, '2021', 'collective_income', 25),
                               (1, 5, '222402101200', '222402', 2021, '2021', 'collective_income', 5),
                               (2, 2, '222401', '222401', 2021, '2021', 'collective_income', 100),
                               (2, 3, '222401', '222401', 2021, '2021', 'rural_income_per_capita', 15000)""");
                assertThat(rows(s, """
                        select concat_ws('|', region_code, indicator_code, value, value_source, regions_summed)
                        from v_indicator_value order by indicator_code, length(region_code), region_code""")).containsExactly(
                        "220000|collective_income|130.00|rolled_up|3",
                        "222400|collective_income|130.00|rolled_up|3",
                        "222401|collective_income|100.00|reported|1",
                        "222402|collective_income|30.00|rolled_up|2",
                        "222402100|collective_income|25.00|reported|1",
                        "222402100200|collective_income|10.00|reported|1",
                        "222402100201|collective_income|20.00|reported|1",
                        "222402101200|collective_income|5.00|reported|1",
                        "222401|rural_income_per_capita|15000.00|reported|1");
            }
        }
    }

    @Test
    void aRollUpThatDoesNotCoverEveryCountyIsPartialAndComparisonsSayWhatTheyCover() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp)) {
            new WarehouseSchema(warehouse, RepositorySubjects.all()).apply();
            try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into dim_region (region_code, region_name, level, parent_code, county_code, prefecture_code, province_code)
                        values ('220000', '吉林省', 'province', null, null, null, '220000'),
                               ('222400', '延边朝鲜族自治州', 'prefecture', '220000', null, '222400', '220000'),
                               ('222401', '延吉市', 'county', '222400', '222401', '222400', '220000'),
                               ('222402', '图们市', 'county', '222400', '222402', '222400', '220000'),
                               ('222403', '敦化市', 'county', '222400', '222403', '222400', '220000')""");
                s.execute("""
                        insert into dim_indicator (indicator_code, subject, name_zh, name_en, unit, aggregation)
                        values ('transfer_employment', 'employment', '转移就业人数', 'transfer employment', 'persons', 'sum')""");
                s.execute("""
                        insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, received_at, status)
                        values (1, '222401', 'a.csv', '222401/a.csv', 'x', now(), 'loaded_with_warnings'),
                               (2, '222402', 'b.csv', '222402/b.csv', 'y', now(), 'loaded')""");
                s.execute("""
                        insert into fact_employment (submission_id, source_row, region_code, county_code, year, period, indicator_code, persons)
                        values (1, 2, '222401', '222401', 2022, '2022', 'transfer_employment', 9000),
                               (1, 2, '222401', '222401', 2023, '2023', 'transfer_employment', 16200),
                               (2, 2, '222402', '222402', 2022, '2022', 'transfer_employment', 4000)""");
                s.execute("""
                        insert into etl_issue (submission_id, row_number, rule, severity, message_zh, message_en)
                        values (1, 2, 'EMP-005', 'warning', '变化过大', 'implausible change')""");
                assertThat(rows(s, """
                        select concat_ws('|', region_code, year, value, value_source, regions_covered, regions_expected)
                        from v_indicator_value where value_source <> 'reported' order by year, region_code""")).containsExactly(
                        "220000|2022|13000.00|rolled_up_partial|2|3",
                        "222400|2022|13000.00|rolled_up_partial|2|3",
                        "220000|2023|16200.00|rolled_up_partial|1|3",
                        "222400|2023|16200.00|rolled_up_partial|1|3");
                assertThat(rows(s, """
                        select concat_ws('|', region_code, year, rank_in_province, regions_in_province, regions_expected,
                            coverage, province_median, has_open_warning)
                        from v_compare order by year, region_code""")).containsExactly(
                        "222401|2022|1|2|3|0.6667|6500.00|true",
                        "222402|2022|2|2|3|0.6667|6500.00|false",
                        "222401|2023|1|1|3|0.3333|16200.00|true");
            }
        }
    }

    @Test
    void perCapitaIncomeRollsUpWeightedByTheReportedPopulationAndSaysWhyWhereNoneIsReported() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp)) {
            new WarehouseSchema(warehouse, RepositorySubjects.all()).apply();
            try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into dim_region (region_code, region_name, level, parent_code, county_code, prefecture_code, province_code)
                        values ('222400', '延边朝鲜族自治州', 'prefecture', '220000', null, '222400', '220000'),
                               ('222401', '延吉市', 'county', '222400', '222401', '222400', '220000'),
                               ('222402', '图们市', 'county', '222400', '222402', '222400', '220000'),
                               ('222403', '敦化市', 'county', '222400', '222403', '222400', '220000')""");
                s.execute("""
                        insert into dim_indicator (indicator_code, subject, name_zh, name_en, unit, aggregation, weight_indicator)
                        values ('rural_income_per_capita', 'income', '农村居民人均可支配收入', 'income', 'yuan', 'weighted_mean', 'rural_resident_population'),
                               ('poverty_alleviated_income_per_capita', 'income', '脱贫人口人均纯收入', 'income', 'yuan', 'weighted_mean', null),
                               ('rural_resident_population', 'employment', '农村常住人口', 'population', 'persons', 'sum', null)""");
                s.execute("""
                        insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, received_at, status)
                        values (1, '222400', 'a.csv', '222400/a.csv', 'x', now(), 'loaded'),
                               (2, '222400', 'b.csv', '222400/b.csv', 'y', now(), 'loaded')""");
                s.execute("""
                        insert into fact_income (submission_id, source_row, region_code, county_code, year, period, indicator_code, value_yuan)
                        values (1, 2, '222401', '222401', 2022, '2022', 'rural_income_per_capita', 15000),
                               (1, 3, '222402', '222402', 2022, '2022', 'rural_income_per_capita', 12000),
                               (1, 4, '222403', '222403', 2022, '2022', 'rural_income_per_capita', 11000),
                               (1, 5, '222401', '222401', 2022, '2022', 'poverty_alleviated_income_per_capita', 9000)""");
                s.execute("""
                        insert into fact_employment (submission_id, source_row, region_code, county_code, year, period, indicator_code, persons)
                        values (2, 2, '222401', '222401', 2022, '2022', 'rural_resident_population', 100000),
                               (2, 3, '222402', '222402', 2022, '2022', 'rural_resident_population', 50000)""");
                assertThat(rows(s, """
                        select concat_ws('|', indicator_code, coalesce(cast(value as varchar), 'NULL'), value_source,
                            regions_summed, regions_covered, regions_expected)
                        from v_indicator_value where region_code = '222400' order by indicator_code""")).containsExactly(
                        "poverty_alleviated_income_per_capita|NULL|not_rolled_up_no_weight|0|0|3",
                        "rural_income_per_capita|14000.00|rolled_up_partial|2|2|3",
                        "rural_resident_population|150000.00|rolled_up_partial|2|2|3");
            }
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
