package org.ruralstat.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each step of the last job execution took, from the Spring Batch job repository the run left
 * in {@code <warehouse>/jobrepo} (an H2 file, opened read-only after the run exited). The staging step's
 * worker partitions ({@code stageSubmissionStep:submission-<id>}) are kept by submission id.
 *
 * @param steps      seconds per top-level step, in the order they ran
 * @param partitions seconds per staged submission, by submission id
 */
record StepTimes(Map<String, Double> steps, Map<Long, Double> partitions) {

    private static final String PARTITION = "stageSubmissionStep:submission-";

    static StepTimes read(Path warehouse) throws SQLException {
        return read("jdbc:h2:file:" + warehouse.toAbsolutePath().resolve("jobrepo").resolve("batch")
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa");
    }

    /** The step times of the last job execution of the job repository at a JDBC address (H2 or PostgreSQL). */
    static StepTimes read(String url, String user) throws SQLException {
        Map<String, Double> steps = new LinkedHashMap<>();
        Map<Long, Double> partitions = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
             ResultSet rs = c.createStatement().executeQuery("""
                     select STEP_NAME, START_TIME, END_TIME from BATCH_STEP_EXECUTION
                     where JOB_EXECUTION_ID = (select max(JOB_EXECUTION_ID) from BATCH_JOB_EXECUTION)
                     order by START_TIME, STEP_EXECUTION_ID""")) {
            while (rs.next()) {
                String name = rs.getString(1);
                Timestamp start = rs.getTimestamp(2);
                Timestamp end = rs.getTimestamp(3);
                double seconds = start == null || end == null ? Double.NaN
                        : (end.toInstant().toEpochMilli() - start.toInstant().toEpochMilli()) / 1000.0;
                if (name.startsWith(PARTITION)) {
                    partitions.put(Long.parseLong(name.substring(PARTITION.length())), seconds);
                } else {
                    steps.put(name, seconds);
                }
            }
        }
        return new StepTimes(steps, partitions);
    }

    double step(String name) {
        return steps.getOrDefault(name, Double.NaN);
    }
}
