package org.ruralstat.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ruralstat.demo.DemoFigures;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real job over a copy of the committed demo drop: the warehouse reproduces the figures the demo was
 * built to (those published in the source reports), and a second run loads nothing new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDropFunctionalTests {

    @TempDir
    static Path temp;

    private WarehouseQueries warehouse;
    private int firstRunExit;
    private long submissionsAfterFirstRun;

    @BeforeAll
    void loadTheDemoDropTwice() throws Exception {
        TempDrop.copyTree(Path.of("input"), temp.resolve("input"));
        firstRunExit = run();
        try (WarehouseQueries first = WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"))) {
            submissionsAfterFirstRun = first.count("select count(*) from etl_submission");
        }
        assertThat(run()).isZero();
        warehouse = WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"));
    }

    private int run() {
        return SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"));
    }

    @Test
    void everyDemoFileIsOneLoadedSubmission() throws Exception {
        long files;
        try (Stream<Path> walk = Files.walk(temp.resolve("input"))) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(temp.resolve("input"))).count();
        }
        assertThat(firstRunExit).isZero();
        assertThat(submissionsAfterFirstRun).isEqualTo(files).isGreaterThanOrEqualTo(40);
        assertThat(warehouse.strings("select distinct status from etl_submission")).containsExactly("loaded");
        assertThat(warehouse.count("select count(*) from etl_issue where submission_id not in "
                + "(select submission_id from etl_submission where file_name like '%待更正%')")).isZero();
        assertThat(warehouse.count("select count(*) from dim_region")).isGreaterThan(40_000);
        for (String fact : new String[]{"fact_cadre_posting", "fact_income", "fact_employment", "fact_sanitation_project"}) {
            assertThat(warehouse.count("select count(*) from " + fact)).as(fact).isPositive();
        }
        assertThat(warehouse.strings("select distinct file_format from etl_submission order by 1")).containsExactly("csv", "xls", "xlsx");
    }

    @Test
    void aSecondRunLoadsNothingNew() throws Exception {
        assertThat(warehouse.count("select count(*) from etl_submission")).isEqualTo(submissionsAfterFirstRun);
        assertThat(warehouse.count("select count(*) from fact_cadre_posting")).isEqualTo(warehouse.count(
                "select sum(rows_loaded) from etl_submission where subject = 'cadres'"));
        assertThat(warehouse.strings("select distinct outcome from etl_run_file where run_id = (select max(run_id) from etl_run_file)"))
                .containsExactly("already_loaded");
        assertThat(warehouse.count("select count(*) from etl_run_file where outcome = 'already_loaded'")).isEqualTo(submissionsAfterFirstRun);
    }

    @Test
    void theReturnWithMistakesHasEachBadCellNamedAndItsGoodRowLoaded() throws Exception {
        String mistakes = "(select submission_id from etl_submission where file_name like '%待更正%')";
        assertThat(warehouse.strings("select cell_ref || ':' || rule from etl_issue where submission_id = " + mistakes
                + " order by row_number")).containsExactly("G4:SAN-003", "H5:ROW-002", "J6:SAN-004", "D7:ROW-005");
        assertThat(warehouse.strings("select rows_read || ':' || rows_loaded || ':' || rows_rejected from etl_submission "
                + "where submission_id = " + mistakes)).containsExactly("5:1:4");
        assertThat(warehouse.count("select count(*) from fact_sanitation_project where submission_id = " + mistakes)).isEqualTo(1);
        String receipt = warehouse.strings("select feedback_path from etl_submission where submission_id = " + mistakes).get(0);
        assertThat(receipt).matches("feedback/350982/回执-\\d{6}-2023年福鼎市农村人居环境整治项目（待更正）\\.xlsx");
        assertThat(temp.resolve("warehouse").resolve(receipt)).exists();
    }

    @Test
    void yanbianCadresByDispatchLevelMatchThePublishedFigures() throws Exception {
        String byLevel = "select count(*) from fact_cadre_posting where county_code like '2224%' and dispatch_level = ";
        assertThat(warehouse.count(byLevel + "'central'")).isEqualTo(DemoFigures.YANBIAN_CADRES_CENTRAL);
        assertThat(warehouse.count(byLevel + "'provincial'")).isEqualTo(DemoFigures.YANBIAN_CADRES_PROVINCIAL);
        assertThat(warehouse.count(byLevel + "'prefecture'")).isEqualTo(DemoFigures.YANBIAN_CADRES_PREFECTURE);
        assertThat(warehouse.count(byLevel + "'county'") + warehouse.count(byLevel + "'township'"))
                .isEqualTo(DemoFigures.YANBIAN_CADRES_COUNTY_AND_TOWNSHIP).isGreaterThan(1_100);
        assertThat(warehouse.count("select count(distinct village_code) from fact_cadre_posting where county_code like '2224%'"))
                .isEqualTo(DemoFigures.YANBIAN_VILLAGES_WITH_CADRES);
        assertThat(warehouse.count("select count(*) from fact_cadre_posting where county_code like '2224%' and promoted"))
                .isEqualTo(DemoFigures.YANBIAN_CADRES_PROMOTED);
        assertThat(warehouse.count("select count(distinct village_code) from fact_cadre_posting where county_code = '222406'"))
                .isEqualTo(DemoFigures.HELONG_VILLAGES_WITH_CADRES);
    }

    @Test
    void jinchengFirstSecretariesAndTeamsMatchThePublishedFigures() throws Exception {
        String byRole = "select count(*) from fact_cadre_posting where county_code like '1405%' and year = 2019 and role = ";
        assertThat(warehouse.count(byRole + "'first_secretary'")).isEqualTo(DemoFigures.JINCHENG_FIRST_SECRETARIES);
        assertThat(warehouse.count(byRole + "'team_leader'")).isEqualTo(DemoFigures.JINCHENG_TEAM_LEADERS);
        assertThat(warehouse.count(byRole + "'team_member'")).isEqualTo(DemoFigures.JINCHENG_TEAM_MEMBERS);
    }

    @Test
    void tumenSanitationTotalsAreInYuanMetresAndUnits() throws Exception {
        String tumen = " from fact_sanitation_project where county_code = '222402'";
        assertThat(warehouse.number("select sum(investment_yuan)" + tumen))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.TUMEN_INVESTMENT_YUAN));
        assertThat(warehouse.count("select count(distinct village_code)" + tumen)).isEqualTo(DemoFigures.TUMEN_SANITATION_VILLAGES);
        assertThat(warehouse.number("select sum(quantity)" + tumen + " and project_type = 'sewage_pipe' and quantity_unit = 'm'"))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.TUMEN_PIPE_METRES));
        assertThat(warehouse.number("select sum(quantity)" + tumen + " and project_type = 'septic_tank' and quantity_unit = 'unit'"))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.TUMEN_SEPTIC_TANKS));
        assertThat(warehouse.number("select sum(quantity)" + tumen + " and project_type = 'treatment_unit'"))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.TUMEN_TREATMENT_UNITS));
        assertThat(warehouse.number("select sum(quantity)" + tumen + " and project_type = 'road_restoration' and quantity_unit = 'm2'"))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.TUMEN_ROAD_RESTORED_M2));
    }

    @Test
    void incomeAndEmploymentFiguresAreInYuanAndPersons() throws Exception {
        assertThat(warehouse.number("select value_yuan from fact_income where region_code = '222400' and year = 2021 "
                + "and indicator_code = 'poverty_alleviated_income_per_capita'"))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.YANBIAN_2021_POVERTY_ALLEVIATED_INCOME_YUAN));
        assertThat(warehouse.number("select value_yuan from fact_income where region_code = '222400' and year = 2021 "
                + "and indicator_code = 'alleviated_area_rural_income_per_capita'"))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.YANBIAN_2021_ALLEVIATED_AREA_RURAL_INCOME_YUAN));
        assertThat(warehouse.number("select value_yuan from fact_income where region_code = '350000' and year = 2019"))
                .isEqualByComparingTo(BigDecimal.valueOf(DemoFigures.FUJIAN_2019_LIFTED_VILLAGE_RURAL_INCOME_YUAN));
        assertThat(warehouse.number("select avg(value_yuan) from fact_income where county_code = '222424' and year = 2021 "
                + "and indicator_code = 'collective_income' and length(region_code) = 12"))
                .isGreaterThan(BigDecimal.valueOf(DemoFigures.WANGQING_2021_MIN_AVERAGE_COLLECTIVE_INCOME_YUAN));
        String employment = "select sum(persons) from fact_employment where county_code like '2224%' and year = 2022 and indicator_code = ";
        assertThat(warehouse.count(employment + "'transfer_employment'")).isEqualTo(DemoFigures.YANBIAN_2022_TRANSFER_EMPLOYMENT);
        assertThat(warehouse.count(employment + "'stable_employment_poverty_alleviated'"))
                .isEqualTo(DemoFigures.YANBIAN_2022_STABLE_EMPLOYMENT_POVERTY_ALLEVIATED);
        assertThat(warehouse.count(employment + "'public_welfare_posts'")).isEqualTo(DemoFigures.YANBIAN_2022_PUBLIC_WELFARE_POSTS);
        assertThat(warehouse.count("select count(*) from v_county_scorecard where county_code like '2224%' "
                + "and year = 2022 and transfer_employment_persons is not null")).isEqualTo(8);
    }

    @Test
    void countyIncomesAreComparableAcrossTheProvince() throws Exception {
        assertThat(warehouse.count("select count(*) from v_compare where province_code = '220000' and level = 'county' "
                + "and indicator_code = 'rural_income_per_capita' and year = 2022")).isEqualTo(8);
        assertThat(warehouse.count("select count(*) from v_compare where level = 'county' and indicator_code = "
                + "'rural_income_per_capita' and year > 2019 and (yoy_change is null or yoy_change <= 0)")).isZero();
        assertThat(warehouse.number("select max(rank_in_province) from v_compare where province_code = '140000' "
                + "and level = 'county' and indicator_code = 'rural_income_per_capita' and year = 2021")).isEqualByComparingTo("6");
    }

    Stream<Path> analystQueries() throws IOException {
        return Files.list(Path.of("warehouse/queries")).filter(p -> p.toString().endsWith(".sql")).sorted();
    }

    @ParameterizedTest
    @MethodSource("analystQueries")
    void everyAnalystQueryRunsAndAnswers(Path query) throws Exception {
        String sql = Files.readString(query, StandardCharsets.UTF_8);
        assertThat(warehouse.strings("select count(*) from (" + sql + ")")).singleElement()
                .satisfies(count -> assertThat(Long.parseLong(count)).as(query.getFileName().toString()).isPositive());
    }

    @org.junit.jupiter.api.AfterAll
    void closeWarehouse() throws Exception {
        if (warehouse != null) {
            warehouse.close();
        }
    }
}
