package org.ruralstat.publish;

import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.warehouse.Warehouse;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Versions of a county's income return staged as the staging step leaves them, for publishing tests without Spring or
 * the job. A version is {@code submitter:key=value,…}: submitter A is county 222424, B prefecture 222400; a key is a
 * village letter (a, b) and a value {@code x} marks a rejected row.
 */
public final class IncomeVersions {

    private static final String[] VILLAGES = {"222424100200", "222424100201"};

    private IncomeVersions() {
    }

    /** The repository's four subjects, from {@code jobs/}. */
    public static SubjectCatalog subjects() throws Exception {
        List<SubjectDefinition> definitions = new ArrayList<>();
        for (String subject : List.of("cadres", "employment", "income", "sanitation")) {
            Path yaml = Path.of("jobs", subject + ".yml");
            try (InputStream in = Files.newInputStream(yaml)) {
                definitions.add(SubjectCatalog.parse(yaml.toString(), in));
            }
        }
        return new SubjectCatalog(definitions);
    }

    /** Stages a version of 2022 as submission {@code id}, its file named {@code v<id>.csv}. */
    static void stage(Warehouse warehouse, long id, String version) throws Exception {
        stage(warehouse, id, version, 2022, "v" + id + ".csv");
    }

    static void stage(Warehouse warehouse, long id, String version, int year, String fileName) throws Exception {
        String submitter = version.startsWith("A:") ? "222424" : "222400";
        String[] cells = version.substring(2).split(",");
        try (Connection c = warehouse.connect()) {
            insertSubmission(c, id, submitter, fileName);
            for (int row = 0; row < cells.length; row++) {
                String[] kv = cells[row].split("=");
                String region = VILLAGES[kv[0].charAt(0) - 'a'];
                boolean rejected = kv[1].equals("x");
                execute(c, "insert into stg_row (submission_id, sheet, source_row, outcome) values (?, 'Sheet1', ?, ?)",
                        id, row + 2, rejected ? "rejected" : "loaded");
                if (rejected) {
                    execute(c, "insert into stg_key values (?, ?, 'rural_income_per_capita', ?)", id, region,
                            String.valueOf(year));
                } else {
                    insertFact(c, id, new Fact(row + 2, kv[0].charAt(0), "rural_income_per_capita", year, "B",
                            Integer.parseInt(kv[1])));
                }
            }
        }
    }

    /** A staged value: its row and column, a village letter (a, b), an indicator, a year and yuan. */
    public record Fact(int row, char village, String indicator, int year, String column, long yuan) {
    }

    /** Stages county A's submission {@code id} with these values, each row loaded as the row rules left it. */
    public static void stageFacts(Warehouse warehouse, long id, List<Fact> facts) throws Exception {
        try (Connection c = warehouse.connect()) {
            insertSubmission(c, id, "222424", "v" + id + ".xlsx");
            for (int row : facts.stream().map(Fact::row).distinct().toList()) {
                execute(c, "insert into stg_row (submission_id, sheet, source_row, outcome) values (?, 'Sheet1', ?, 'loaded')",
                        id, row);
            }
            for (Fact fact : facts) {
                insertFact(c, id, fact);
            }
        }
    }

    /** What a 合计 row of submission {@code id} states for an indicator's column. */
    public static void stageTotal(Warehouse warehouse, long id, int row, String indicator, String column, long yuan)
            throws Exception {
        try (Connection c = warehouse.connect()) {
            execute(c, "insert into stg_total (submission_id, sheet, source_row, kind, target_column, indicator_code, value, "
                    + "column_name, cell_ref) values (?, 'Sheet1', ?, 'total', 'value_yuan', ?, ?, ?, ?)",
                    id, row, indicator, yuan, indicator, column + row);
        }
    }

    private static void insertSubmission(Connection c, long id, String submitter, String fileName) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, subject,
                    received_at, status) values (?, ?, ?, ?, ?, 'income', ?, 'staged')""")) {
            s.setLong(1, id);
            s.setString(2, submitter);
            s.setString(3, fileName);
            s.setString(4, submitter + "/" + fileName);
            s.setString(5, "sha" + id);
            s.setTimestamp(6, Timestamp.valueOf(LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(id)));
            s.executeUpdate();
        }
    }

    private static void insertFact(Connection c, long id, Fact fact) throws Exception {
        execute(c, "insert into stg_income (submission_id, source_row, sheet, source_column, region_code, county_code, year, "
                        + "period, indicator_code, value_yuan) values (?, ?, 'Sheet1', ?, ?, '222424', ?, ?, ?, ?)",
                id, fact.row(), fact.column(), VILLAGES[fact.village() - 'a'], fact.year(), String.valueOf(fact.year()),
                fact.indicator(), fact.yuan());
    }

    static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
