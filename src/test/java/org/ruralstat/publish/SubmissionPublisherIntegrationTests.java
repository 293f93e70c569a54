package org.ruralstat.publish;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing and superseding, table-driven, on a real DuckDB file and the repository's schema, without Spring or the
 * job: each case stages versions of an income return as the staging step leaves them and publishes them in order.
 * A version is the set of keys it reports (region, indicator, period); rejected rows' keys count too.
 */
class SubmissionPublisherIntegrationTests {

    private static SubjectCatalog subjects;

    @TempDir
    Path temp;

    private Warehouse warehouse;
    private SubmissionPublisher publisher;

    @BeforeAll
    static void subjects() throws Exception {
        subjects = IncomeVersions.subjects();
    }

    @BeforeEach
    void warehouse() throws Exception {
        warehouse = new Warehouse(temp);
        new WarehouseSchema(warehouse, subjects.all()).apply();
        publisher = new SubmissionPublisher(warehouse, subjects, new SubmissionLedger(warehouse, subjects.all()));
    }

    /**
     * Versions are separated by {@code /}; a version is {@code submitter:key=value,…}, where a key is a village letter
     * and a value {@code x} marks a rejected row. The expectation is the live facts (key=value by submission) and each
     * submission's status.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "one version;                                  A:a=10,b=12;                     1a=10 1b=12;        loaded",
            "a correction of every key supersedes;         A:a=10,b=12 / A:a=11,b=13;       2a=11 2b=13;        superseded loaded",
            "a part replaces only the keys it reports;     A:a=10,b=12 / A:a=11;            2a=11 1b=12;        loaded loaded",
            "a rejected row's key retires the old value;   A:a=10,b=12 / A:a=x,b=13;        2b=13;              superseded loaded",
            "another submitter's keys are its own;         A:a=10 / B:a=20;                 1a=10 2a=20;        loaded loaded",
            "all rows rejected: nothing replaced;          A:a=10 / A:a=x;                  1a=10;              loaded rejected",
            "two submitters, two versions each;            A:a=10 / B:a=20 / B:a=21 / A:a=x,b=11; 3a=21 4b=11; superseded superseded loaded loaded",
            "one submitter's versions in a row;            A:a=10,b=12 / A:a=11 / A:b=13 / A:a=14,b=15; 4a=14 4b=15; superseded superseded superseded loaded",
    })
    void versionsAreSetsOfKeys(String name, String versions, String live, String statuses) throws Exception {
        long id = 0;
        for (String version : versions.split("/")) {
            id++;
            IncomeVersions.stage(warehouse, id, version.trim());
            publisher.publish(id);
        }
        assertThat(String.join(" ", liveFacts())).isEqualTo(live.trim());
        assertThat(String.join(" ", query("select status from etl_submission order by submission_id")))
                .isEqualTo(statuses.trim());
        List<String> oneByOne = ledger();

        // the same versions staged together and published by the step, in batches of submitters
        for (int batch : new int[]{1, 2, SubmissionPublisher.DEFAULT_BATCH_SIZE}) {
            warehouse = new Warehouse(temp.resolve("batch-" + batch));
            new WarehouseSchema(warehouse, subjects.all()).apply();
            SubmissionPublisher step = new SubmissionPublisher(warehouse, subjects,
                    new SubmissionLedger(warehouse, subjects.all()), batch, () -> { });
            id = 0;
            for (String version : versions.split("/")) {
                IncomeVersions.stage(warehouse, ++id, version.trim());
            }
            assertThat(step.publishStaged()).hasSize((int) id);
            assertThat(String.join(" ", liveFacts())).as("batches of %d", batch).isEqualTo(live.trim());
            assertThat(ledger()).as("batches of %d", batch).isEqualTo(oneByOne);
        }
    }

    /** Each submission's outcome and each replacement, as published. */
    private List<String> ledger() throws Exception {
        List<String> rows = new ArrayList<>(query("""
                select concat_ws(' ', submission_id, status, status_reason, period, rows_read, rows_loaded, rows_rejected,
                                 rows_warned, supersedes, superseded_by)
                from etl_submission order by submission_id"""));
        rows.addAll(query("""
                select concat_ws(' ', submission_id, replaced_submission_id, facts_replaced, whole)
                from etl_replacement order by all"""));
        return rows;
    }

    /**
     * The step publishes every staged submission and then empties staging of every settled one, also of one a killed
     * run published without clearing; a submission still staged (or received) keeps its rows.
     */
    @org.junit.jupiter.api.Test
    void stagingIsClearedOfSettledSubmissionsOnceTheStepHasPublished() throws Exception {
        IncomeVersions.stage(warehouse, 1, "A:a=10,b=12");
        publisher.publish(1);
        assertThat(query("select count(*) from stg_income where submission_id = 1")).as("left by a killed run").containsExactly("2");
        IncomeVersions.stage(warehouse, 2, "A:a=11");
        IncomeVersions.stage(warehouse, 3, "B:a=20");

        assertThat(publisher.publishStaged()).hasSize(2);

        assertThat(query("select count(*) from stg_income")).containsExactly("0");
        assertThat(query("select count(*) from stg_row")).containsExactly("0");
        IncomeVersions.stage(warehouse, 4, "A:b=13");
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("update etl_submission set status = 'received' where submission_id = 4");
        }
        publisher.publishStaged();
        assertThat(query("select count(*) from stg_income where submission_id = 4")).as("not yet staged: kept").containsExactly("1");
        assertThat(String.join(" ", liveFacts())).isEqualTo("2a=11 3a=20 1b=12");
    }

    /** Live facts as {@code <submission><village letter>=<value>}, by region. */
    private List<String> liveFacts() throws Exception {
        return query("""
                select submission_id || case region_code when '222424100200' then 'a' else 'b' end || '='
                       || cast(cast(value_yuan as integer) as varchar)
                from fact_income order by region_code, submission_id""");
    }

    private List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
