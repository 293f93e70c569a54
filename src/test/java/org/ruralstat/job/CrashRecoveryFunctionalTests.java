package org.ruralstat.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's promise: whatever moment a run dies at, the next run ends with exactly the warehouse an
 * uninterrupted history gives, and the analysts' snapshot always opens. Runs the built jar as a child process,
 * holds it at a named point with the crash drill, kills it with SIGKILL (or stops it with SIGTERM), runs again
 * and compares every table row for row with a reference history.
 */
class CrashRecoveryFunctionalTests {

    /** A realistic slice of the demo drop: xlsx, xls, GBK and UTF-8 CSV, four subjects, one return with errors. */
    private static final List<String> FOLDERS = List.of("140524", "222400", "222402", "222406", "350982");
    private static final String FIRST = "222402";

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Map<String, List<String>> reference;
    private static Map<String, List<String>> referenceSnapshot;

    /**
     * The uninterrupted history: one county's returns, then the rest of the drop. The state after the first night is
     * kept, and each drill starts from a copy of it (drop folder, warehouse with its job repository, receipts).
     */
    @BeforeAll
    static void runWithoutInterruption() throws Exception {
        Path input = shared.resolve("input");
        Path warehouse = shared.resolve("warehouse");
        copyDemo(input, List.of(FIRST));
        assertThat(run(shared, input, warehouse, Map.of())).isZero();
        for (String folder : List.of("input", "warehouse", "receipts")) {
            if (Files.exists(shared.resolve(folder))) {
                TempDrop.copyTree(shared.resolve(folder), shared.resolve("first-night").resolve(folder));
            }
        }
        copyDemo(input, FOLDERS);
        assertThat(run(shared, input, warehouse, Map.of())).isZero();
        reference = WarehouseContent.of(warehouse.resolve("ruralstat.duckdb"));
        referenceSnapshot = WarehouseContent.of(warehouse.resolve("published/ruralstat.duckdb"));
        assertThat(reference.get("fact_cadre_posting")).isNotEmpty();
        assertThat(reference.get("etl_issue")).isNotEmpty();
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"reading:3", "staged", "publishing:4", "snapshot"})
    void aRunKilledAtAnyPointIsFinishedByTheNextAsIfNothingHappened(String point) throws Exception {
        Path input = temp.resolve("input");
        Path warehouse = temp.resolve("warehouse");
        afterTheFirstNight();
        Map<String, List<String>> before = WarehouseContent.of(warehouse.resolve("published/ruralstat.duckdb"));
        copyDemo(input, FOLDERS);

        long publishedBefore;
        try (WarehouseQueries working = WarehouseQueries.open(warehouse.resolve("ruralstat.duckdb"))) {
            publishedBefore = working.count("select count(*) from etl_submission where published_at is not null");
        }
        // three submissions a publishing transaction, so that the kill at the fourth falls between two of them
        try (JarProcess doomed = start(temp.resolve("killed.log"), input, warehouse,
                Map.of("RURALSTAT_DRILL_PAUSE_AT", point, "RURALSTAT_PUBLISH_BATCH", "3"))) {
            doomed.awaitOutput("ruralstat drill: paused at " + point.split(":")[0], Duration.ofMinutes(2));
            doomed.kill();
        }
        if (point.startsWith(CrashDrill.PUBLISHING)) {
            try (WarehouseQueries working = WarehouseQueries.open(warehouse.resolve("ruralstat.duckdb"))) {
                assertThat(working.count("select count(*) from etl_submission where status = 'staged'"))
                        .as("submissions the kill left staged").isPositive();
                assertThat(working.count("select count(*) from etl_submission where published_at is not null"))
                        .as("submissions published before the kill").isGreaterThan(publishedBefore);
            }
        }
        Map<String, List<String>> published = WarehouseContent.of(warehouse.resolve("published/ruralstat.duckdb"));
        WarehouseContent.assertSame(published, before);

        assertThat(run(temp, input, warehouse, Map.of())).isZero();
        WarehouseContent.assertSame(WarehouseContent.of(warehouse.resolve("ruralstat.duckdb")), reference);
        WarehouseContent.assertSame(WarehouseContent.of(warehouse.resolve("published/ruralstat.duckdb")), referenceSnapshot);
        assertThat(Files.readString(temp.resolve("recovered.log"))).contains("Recovering execution").contains("Restarting run");
        assertThat(newestNight(warehouse)).as("the killed night restarted from the job repository")
                .containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void sigtermStopsAtASafePointAndTheNextRunResumes() throws Exception {
        Path input = temp.resolve("input");
        Path warehouse = temp.resolve("warehouse");
        afterTheFirstNight();
        copyDemo(input, FOLDERS);

        int exit;
        try (JarProcess stopped = start(temp.resolve("stopped.log"), input, warehouse,
                Map.of("RURALSTAT_DRILL_PAUSE_AT", "reading:2", "RURALSTAT_DRILL_HOLD", "3s"))) {
            stopped.awaitOutput("ruralstat drill: paused at reading", Duration.ofMinutes(2));
            stopped.terminate();
            exit = stopped.awaitExit(Duration.ofMinutes(2));
            assertThat(stopped.output()).contains("Stop requested").doesNotContain("did not stop within");
        }
        assertThat(exit).isNotZero();
        assertThat(lastExecutionStatus(warehouse)).isEqualTo("STOPPED");
        try (WarehouseQueries working = WarehouseQueries.open(warehouse.resolve("ruralstat.duckdb"))) {
            assertThat(working.count("select count(*) from etl_submission where status in ('received', 'staged')"))
                    .as("files left for the next run").isPositive();
        }

        assertThat(run(temp, input, warehouse, Map.of())).isZero();
        WarehouseContent.assertSame(WarehouseContent.of(warehouse.resolve("ruralstat.duckdb")), reference);
        assertThat(newestNight(warehouse)).as("the stopped night restarted from the job repository")
                .containsExactly("STOPPED", "COMPLETED");
    }

    /** The drill's folders as the uninterrupted history left them after its first night. */
    private void afterTheFirstNight() throws IOException {
        for (String folder : List.of("input", "warehouse", "receipts")) {
            if (Files.exists(shared.resolve("first-night").resolve(folder))) {
                TempDrop.copyTree(shared.resolve("first-night").resolve(folder), temp.resolve(folder));
            }
        }
    }

    private static int run(Path logs, Path input, Path warehouse, Map<String, String> environment) throws Exception {
        try (JarProcess process = start(logs.resolve("recovered.log"), input, warehouse, environment)) {
            int exit = process.awaitExit(Duration.ofMinutes(3));
            assertThat(exit).as(process.output()).isZero();
            return exit;
        }
    }

    private static JarProcess start(Path log, Path input, Path warehouse, Map<String, String> environment) throws IOException {
        // One cadre-key secret for every warehouse here, so that equal histories give equal keys.
        Map<String, String> withSecret = new java.util.HashMap<>(environment);
        withSecret.put("RURALSTAT_CADRE_KEY_SECRET", "crash-drill-secret");
        return JarProcess.start(log, withSecret, "run", "--quiet-period", "0s", "--input", input.toString(),
                "--warehouse", warehouse.toString());
    }

    /** The statuses of the executions of the newest job instance (night), oldest first. */
    static List<String> newestNight(Path warehouse) throws Exception {
        List<String> statuses = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + warehouse.toAbsolutePath().resolve("jobrepo/batch"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status from batch_job_execution where job_instance_id = "
                     + "(select max(job_instance_id) from batch_job_instance) order by job_execution_id")) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }

    /** The status the job repository (the H2 file under the warehouse) holds for the newest execution. */
    static String lastExecutionStatus(Path warehouse) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + warehouse.toAbsolutePath().resolve("jobrepo/batch"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status from batch_job_execution order by job_execution_id desc limit 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void copyDemo(Path input, List<String> folders) throws IOException {
        for (String folder : folders) {
            Path from = Path.of("input", folder);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Path to = input.resolve(folder).resolve(file.getFileName().toString());
                    Files.createDirectories(to.getParent());
                    if (!Files.exists(to)) {
                        Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }
}
