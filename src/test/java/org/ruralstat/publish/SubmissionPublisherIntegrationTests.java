package org.ruralstat.publish;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
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
        List<SubjectDefinition> definitions = new ArrayList<>();
        for (String subject : List.of("cadres", "employment", "income", "sanitation")) {
            Path yaml = Path.of("jobs", subject + ".yml");
            try (InputStream in = Files.newInputStream(yaml)) {
                definitions.add(SubjectCatalog.parse(yaml.toString(), in));
            }
        }
        subjects = new SubjectCatalog(definitions);
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
    })
    void versionsAreSetsOfKeys(String name, String versions, String live, String statuses) throws Exception {
        long id = 0;
        for (String version : versions.split("/")) {
            id++;
            stage(id, version.trim());
            publisher.publish(id);
        }
        assertThat(String.join(" ", liveFacts())).isEqualTo(live.trim());
        assertThat(String.join(" ", query("select status from etl_submission order by submission_id")))
                .isEqualTo(statuses.trim());
    }

    private static final String[] VILLAGES = {"222424100200", "222424100201"};

    private void stage(long id, String version) throws Exception {
        String submitter = version.startsWith("A:") ? "222424" : "222400";
        String[] cells = version.substring(2).split(",");
        try (Connection c = warehouse.connect()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, subject,
                        received_at, status) values (?, ?, ?, ?, ?, 'income', ?, 'staged')""")) {
                s.setLong(1, id);
                s.setString(2, submitter);
                s.setString(3, "v" + id + ".csv");
                s.setString(4, submitter + "/v" + id + ".csv");
                s.setString(5, "sha" + id);
                s.setTimestamp(6, Timestamp.valueOf(LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(id)));
                s.executeUpdate();
            }
            for (int row = 0; row < cells.length; row++) {
                String[] kv = cells[row].split("=");
                String region = VILLAGES[kv[0].charAt(0) - 'a'];
                boolean rejected = kv[1].equals("x");
                execute(c, "insert into stg_row (submission_id, sheet, source_row, outcome) values (?, 'Sheet1', ?, ?)",
                        id, row + 2, rejected ? "rejected" : "loaded");
                if (rejected) {
                    execute(c, "insert into stg_key values (?, ?, 'rural_income_per_capita', '2022')", id, region);
                } else {
                    execute(c, "insert into stg_income (submission_id, source_row, sheet, source_column, region_code, "
                                    + "county_code, year, period, indicator_code, value_yuan) values "
                                    + "(?, ?, 'Sheet1', 'B', ?, '222424', 2022, '2022', 'rural_income_per_capita', ?)",
                            id, row + 2, region, Integer.parseInt(kv[1]));
                }
            }
        }
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

    private static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
