package org.ruralstat.job;

import org.ruralstat.warehouse.RunFileOutcome;
import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.Warehouse;
import org.springframework.batch.core.job.JobExecution;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** The end-of-run table an operator reads: files by status, rows per subject, time taken. */
final class RunSummary {

    private RunSummary() {
    }

    static void print(JobExecution execution, Warehouse warehouse, String runId, PrintStream out) {
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf("ruralstat run %s: %s in %.1f s%n", runId, execution.getStatus(), took.toMillis() / 1000.0);
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement("""
                select coalesce(s.subject, '-') as subject, s.status, count(*) as files,
                       sum(s.rows_read) as rows_read, sum(s.rows_loaded) as rows_loaded,
                       sum(s.rows_rejected) as rows_rejected, sum(s.rows_warned) as rows_warned
                from etl_run_file f
                join etl_submission s on s.submission_id = f.submission_id
                where f.run_id = ? and f.outcome in (?, ?, ?)
                group by all
                order by all""")) {
            s.setString(1, runId);
            s.setString(2, RunFileOutcome.NEW.code());
            s.setString(3, RunFileOutcome.RESUMED.code());
            s.setString(4, RunFileOutcome.DUPLICATE.code());
            try (ResultSet rs = s.executeQuery()) {
                out.printf("  %-12s %-22s %6s %10s %10s %10s %10s%n", "subject", "status", "files", "read", "loaded", "rejected", "warned");
                while (rs.next()) {
                    out.printf("  %-12s %-22s %6d %10d %10d %10d %10d%n", rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                }
            }
            out.printf("  %d file(s) already loaded by an earlier run were left alone%n", countSeen(c, runId, RunFileOutcome.ALREADY_LOADED));
            int notReady = countSeen(c, runId, RunFileOutcome.NOT_READY);
            if (notReady > 0) {
                out.printf("  %d file(s) were still being written (modified within the quiet period) and are left for the next run;%n"
                        + "  --quiet-period 0s loads files at once%n", notReady);
            }
        } catch (SQLException e) {
            out.println("  (no summary: " + e.getMessage() + ")");
        }
        out.println("  time per step: " + stepTimes(execution));
    }

    private static int countSeen(Connection c, String runId, RunFileOutcome outcome) throws SQLException {
        return (int) Sql.number(c, "select count(*) from etl_run_file where run_id = ? and outcome = ?", runId, outcome.code());
    }

    /** The job's own steps (not the per-file workers) with their wall time, in the order they ran. */
    static String stepTimes(JobExecution execution) {
        StringBuilder line = new StringBuilder();
        execution.getStepExecutions().stream()
                .filter(step -> !step.getStepName().contains(":"))
                .filter(step -> step.getStartTime() != null && step.getEndTime() != null)
                .sorted(java.util.Comparator.comparing(org.springframework.batch.core.step.StepExecution::getStartTime))
                .forEach(step -> line.append(line.isEmpty() ? "" : " · ")
                        .append(step.getStepName().replace("Step", "").replace("Submissions", ""))
                        .append(String.format(" %.1f s", Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0)));
        return line.toString();
    }
}
