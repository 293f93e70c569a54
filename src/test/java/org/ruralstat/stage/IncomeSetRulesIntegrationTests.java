package org.ruralstat.stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ruralstat.publish.IncomeVersions;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The income subject's set rules, table-driven: a county's staged values in, the findings (rule at row) out, and a row
 * an error hit leaves staging (rejected, no staged value). On a real DuckDB file with the repository's schema and
 * rules, without Spring or the job.
 */
class IncomeSetRulesIntegrationTests {

    private static SubjectCatalog subjects;
    private static RuleCatalog rules;

    @TempDir
    Path temp;

    private Warehouse warehouse;

    @BeforeAll
    static void definitions() throws Exception {
        subjects = IncomeVersions.subjects();
        rules = new RuleCatalog();
        try (var files = Files.list(Path.of("jobs"))) {
            for (Path yaml : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                rules.addAll(yaml.toString(), Files.newInputStream(yaml));
            }
        }
    }

    @BeforeEach
    void warehouse() throws Exception {
        warehouse = new Warehouse(temp);
        new WarehouseSchema(warehouse, subjects.all()).apply();
    }

    /**
     * Values are {@code row:village:indicator:year:yuan}, a total {@code total:row:indicator:yuan}; indicators c
     * (collective_income), o (collective_operating_income), r (rural_income_per_capita). Then the findings (rule at
     * row) and the rows an error rejects.
     */
    private static final String[][] CASES = {
            {"consistent values", "3:a:c:2022:100000 3:a:o:2022:60000 4:b:c:2022:50000", "", ""},
            {"operating above collective (INC-003)", "3:a:c:2022:100000 3:a:o:2022:120000", "INC-003@3", "3"},
            {"the same key twice (INC-004)", "3:a:r:2022:15000 4:a:r:2022:15500", "INC-004@4", "4"},
            {"more than half up on the year (INC-005)", "3:a:r:2021:10000 4:a:r:2022:20000", "INC-005@4", ""},
            {"half up exactly is no finding", "3:a:r:2021:10000 4:a:r:2022:15000", "", ""},
            {"a total that the rows do not make", "3:a:c:2022:100000 4:b:c:2022:50000 total:5:c:160000", "INC-006@5", ""},
            {"a total that the rows make", "3:a:c:2022:100000 4:b:c:2022:50000 total:5:c:150000", "", ""},
    };

    static Stream<Arguments> cases() {
        return Arrays.stream(CASES).map(c -> Arguments.of((Object[]) c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void setRules(String name, String staged, String expectedFindings, String rejectedRows) throws Exception {
        stage(1, staged);

        warehouse.inTransaction(c -> new SetRules(rules).check(c, List.of(1L), subjects.find("income").orElseThrow()));

        assertChecked(1, expectedFindings, rejectedRows);
    }

    /**
     * Every case staged as a submission of its own and checked together, each rule one query over all of them: each
     * submission gets its own findings and no other's (the same key in two submissions is no duplicate, last year's
     * value of one is not another's).
     */
    @org.junit.jupiter.api.Test
    void submissionsCheckedTogetherGetTheFindingsTheyGetAlone() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CASES.length; i++) {
            stage(i + 1, CASES[i][1]);
            ids.add(i + 1L);
        }

        var found = warehouse.inTransaction(c -> new SetRules(rules).check(c, ids, subjects.find("income").orElseThrow()));

        for (int i = 0; i < CASES.length; i++) {
            assertChecked(i + 1, CASES[i][2], CASES[i][3]);
            assertThat(found.getOrDefault(i + 1L, 0)).as(CASES[i][0]).isEqualTo(CASES[i][2].isEmpty() ? 0
                    : CASES[i][2].split(" ").length);
        }
    }

    private void stage(long id, String staged) throws Exception {
        List<IncomeVersions.Fact> facts = new ArrayList<>();
        List<String[]> totals = new ArrayList<>();
        for (String item : staged.trim().split("\\s+")) {
            String[] p = item.split(":");
            if (p[0].equals("total")) {
                totals.add(p);
            } else {
                facts.add(new IncomeVersions.Fact(Integer.parseInt(p[0]), p[1].charAt(0), indicator(p[2]),
                        Integer.parseInt(p[3]), p[2].equals("o") ? "D" : "C", Long.parseLong(p[4])));
            }
        }
        IncomeVersions.stageFacts(warehouse, id, facts);
        for (String[] total : totals) {
            IncomeVersions.stageTotal(warehouse, id, Integer.parseInt(total[1]), indicator(total[2]),
                    total[2].equals("o") ? "D" : "C", Long.parseLong(total[3]));
        }
    }

    private void assertChecked(long id, String expectedFindings, String rejectedRows) throws Exception {
        try (Connection c = warehouse.connect()) {
            assertThat(String.join(" ", Sql.list(c, "select rule || '@' || row_number from etl_issue where submission_id = ? "
                    + "order by row_number, rule", rs -> rs.getString(1), id))).as("submission %d", id)
                    .isEqualTo(expectedFindings.trim());
            List<String> rejected = Sql.list(c, "select source_row from stg_row where submission_id = ? and outcome = 'rejected' "
                    + "order by 1", rs -> rs.getString(1), id);
            assertThat(String.join(" ", rejected)).as("rows an error hit rejects").isEqualTo(rejectedRows.trim());
            for (String row : rejected) {
                assertThat(Sql.number(c, "select count(*) from stg_income where submission_id = ? and source_row = ?",
                        id, Integer.parseInt(row))).as("a rejected row's values leave staging").isZero();
            }
        }
    }

    private static String indicator(String letter) {
        return switch (letter) {
            case "c" -> "collective_income";
            case "o" -> "collective_operating_income";
            default -> "rural_income_per_capita";
        };
    }
}
