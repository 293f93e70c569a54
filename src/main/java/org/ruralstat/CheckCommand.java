package org.ruralstat;

import org.ruralstat.job.ExitCodes;
import org.ruralstat.warehouse.Folders;
import org.ruralstat.warehouse.SubmissionStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code check FILE --submitter CODE}: what a run would make of one return, before the bureau sends it. The file is
 * read, normalised and checked by the very job a night runs (every row rule, and the set rules that need no other
 * submission), in a scratch warehouse of its own that is deleted afterwards: the real warehouse is never touched. The
 * 回执 is written where asked (beside the file by default) and a summary printed; exit 0 when the file would load, 1 when
 * it would not.
 */
final class CheckCommand {

    private CheckCommand() {
    }

    static int execute(Path file, String submitter, Path receipt, List<String> settings, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            err.println("ruralstat: no file " + file);
            return ExitCodes.USAGE;
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("ruralstat-check-");
            Path input = Files.createDirectories(scratch.resolve("input").resolve(submitter));
            Files.copy(file, input.resolve(file.getFileName().toString()));
            List<String> args = new ArrayList<>(List.of("run", "--quiet-period", "0s", "--input",
                    scratch.resolve("input").toString(), "--warehouse", scratch.resolve("warehouse").toString()));
            args.addAll(settings);
            int code = RuralstatApplication.execute(args.toArray(String[]::new));
            if (code != ExitCodes.OK) {
                err.println("ruralstat: the check itself failed (exit " + code + ")");
                return ExitCodes.FAILED;
            }
            return report(scratch.resolve("warehouse"), file, receipt, out);
        } catch (IOException | SQLException e) {
            err.println("ruralstat: the check failed: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static int report(Path warehouse, Path file, Path receipt, PrintStream out) throws SQLException, IOException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.resolve("published/ruralstat.duckdb"), readOnly);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select status, coalesce(status_reason, ''), rows_read, rows_loaded, rows_rejected, rows_warned,
                         feedback_path,
                         (select count(*) from etl_issue where severity = 'error') as errors,
                         (select count(*) from etl_issue where severity = 'warning') as warnings
                     from etl_submission order by submission_id limit 1""")) {
            if (!rs.next()) {
                out.println("ruralstat check: the file was not taken up (a lock file, a link or a hidden file?)");
                return ExitCodes.FAILED;
            }
            String status = rs.getString(1);
            Path target = receipt != null ? receipt : file.toAbsolutePath().resolveSibling("回执-检查-"
                    + stem(file.getFileName().toString()) + ".xlsx");
            Files.copy(warehouse.resolve(rs.getString(7)), target, StandardCopyOption.REPLACE_EXISTING);
            boolean loads = SubmissionStatus.of(status).isLoaded();
            out.printf("ruralstat check: %s%n  %s (%s)%s%n  rows read %d, would load %d, rejected %d, with warnings %d; "
                            + "%d error(s), %d warning(s)%n  回执: %s%n",
                    file.getFileName(), loads ? "可以入库 would load" : "不能入库 would not load", status,
                    rs.getString(2).isEmpty() ? "" : ": " + rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6), rs.getLong(8), rs.getLong(9), target);
            return loads ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Folders.delete(folder);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("ruralstat: could not delete the scratch folder " + folder + ": " + e.getMessage());
        }
    }
}
