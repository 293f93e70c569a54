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
final class IncomeVersions {

    private static final String[] VILLAGES = {"222424100200", "222424100201"};

    private IncomeVersions() {
    }

    /** The repository's four subjects, from {@code jobs/}. */
    static SubjectCatalog subjects() throws Exception {
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
                    execute(c, "insert into stg_income (submission_id, source_row, sheet, source_column, region_code, "
                                    + "county_code, year, period, indicator_code, value_yuan) values "
                                    + "(?, ?, 'Sheet1', 'B', ?, '222424', ?, ?, 'rural_income_per_capita', ?)",
                            id, row + 2, region, year, String.valueOf(year), Integer.parseInt(kv[1]));
                }
            }
        }
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
