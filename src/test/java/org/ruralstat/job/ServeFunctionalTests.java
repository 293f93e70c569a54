package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} as an operator runs it: on a schedule, never two runs at once, stopped by SIGTERM. */
class ServeFunctionalTests {

    @TempDir
    Path temp;

    @Test
    void triggersThatComeDuringARunAreSkippedNotQueued() throws Exception {
        Path input = temp.resolve("input");
        Path warehouse = temp.resolve("warehouse");
        CrashRecoveryFunctionalTests.copyDemo(input, List.of("222402", "222406"));

        String output;
        int exit;
        try (JarProcess serve = JarProcess.start(temp.resolve("serve.log"),
                // A trigger every 2 s; the first run is held 6 s while reading, so triggers fall inside it.
                Map.of("RURALSTAT_SCHEDULE_CRON", "*/2 * * * * *",
                        "RURALSTAT_DRILL_PAUSE_AT", "reading:1", "RURALSTAT_DRILL_HOLD", "6s"),
                "serve", "--quiet-period", "0s", "--input", input.toString(), "--warehouse", warehouse.toString())) {
            serve.awaitOutput("Skipping the schedule trigger: the previous run is still in progress", Duration.ofMinutes(2));
            serve.awaitOutput("The run (schedule) ended with exit code 0", Duration.ofMinutes(2));
            awaitRuns(serve, 2);
            serve.terminate();
            exit = serve.awaitExit(Duration.ofMinutes(2));
            output = serve.output();
        }
        assertThat(exit).as(output).isZero();

        List<Timestamp[]> executions = executions(warehouse);
        assertThat(executions).hasSize(count(output, "Starting a run (schedule)"));
        assertThat(executions.size()).isGreaterThanOrEqualTo(2);
        for (int i = 1; i < executions.size(); i++) {
            assertThat(executions.get(i)[0]).as("run %d starts after run %d ended", i + 1, i)
                    .isAfterOrEqualTo(executions.get(i - 1)[1]);
        }
        try (WarehouseQueries published = WarehouseQueries.open(warehouse.resolve("published/ruralstat.duckdb"))) {
            assertThat(published.count("select count(*) from etl_submission")).isEqualTo(6);
        }
    }

    @Test
    void anIdleServeAnswersHealthAndMetricsAndStopsAtOnceOnSigtermWithExitZero() throws Exception {
        Path input = java.nio.file.Files.createDirectories(temp.resolve("input"));
        String output;
        int exit;
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (JarProcess serve = JarProcess.start(temp.resolve("serve.log"),
                Map.of("RURALSTAT_SCHEDULE_HEALTH_PORT", Integer.toString(port)),
                "serve", "--input", input.toString(), "--warehouse", temp.resolve("warehouse").toString())) {
            serve.awaitOutput("Serving: cron", Duration.ofMinutes(2));
            serve.awaitOutput("Health and metrics on", Duration.ofSeconds(30));
            var client = java.net.http.HttpClient.newHttpClient();
            for (String path : new String[]{"/health/live", "/health/ready", "/metrics"}) {
                var response = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
            serve.terminate();
            // well within the shutdown timeout (60 s): nothing is running, tonight's trigger is simply dropped
            exit = serve.awaitExit(Duration.ofSeconds(30));
            output = serve.output();
        }
        assertThat(exit).as(output).isZero();
    }

    private static void awaitRuns(JarProcess serve, int runs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count(serve.output(), "ended with exit code 0") < runs) {
            assertThat(System.nanoTime()).as("%d runs within 2 minutes:%n%s", runs, serve.output()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int count(String text, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Start and end of every job execution the job repository holds, oldest first. */
    private static List<Timestamp[]> executions(Path warehouse) throws Exception {
        List<Timestamp[]> executions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + warehouse.toAbsolutePath().resolve("jobrepo/batch"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select start_time, end_time from batch_job_execution order by start_time")) {
            while (rs.next()) {
                executions.add(new Timestamp[]{rs.getTimestamp(1), rs.getTimestamp(2)});
            }
        }
        return executions;
    }
}
