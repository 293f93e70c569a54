package org.ruralstat.job;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The job repository on a real PostgreSQL server, as operators run it in production: a run killed in the middle is
 * recovered from it by the next, with the same warehouse as an uninterrupted run, and two processes share it. The
 * server is {@code RURALSTAT_TEST_POSTGRES_URL} (default 127.0.0.1:5432, database test, user postgres). Where there is
 * none the tests are left out with that reason, unless {@code RURALSTAT_REQUIRE_SERVICES=true} (as in CI), where an
 * unreachable server fails them.
 */
class PostgresJobRepositoryFunctionalTests {

    private static final String URL = System.getenv().getOrDefault("RURALSTAT_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("RURALSTAT_TEST_POSTGRES_USER", "postgres");
    private static final List<String> FOLDERS = List.of("222402", "222406", "350982");

    @TempDir
    Path temp;

    @BeforeAll
    static void server() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            assertThat(c.isValid(5)).isTrue();
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "): the PostgreSQL "
                    + "job-repository tests are left out";
            if ("true".equals(System.getenv("RURALSTAT_REQUIRE_SERVICES"))) {
                fail(why);
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
    }

    /** A schema of its own on the server, so tests never see each other's executions. */
    private static String freshSchema() throws SQLException {
        String schema = "ruralstat_test_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        return schema;
    }

    private static Map<String, String> repository(String schema) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        environment.put("SPRING_DATASOURCE_USERNAME", USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("RURALSTAT_CADRE_KEY_SECRET", "postgres-repository-secret");
        return environment;
    }

    private static JarProcess start(Path log, Path input, Path warehouse, Map<String, String> environment) throws Exception {
        return JarProcess.start(log, environment, "run", "--quiet-period", "0s", "--input", input.toString(),
                "--warehouse", warehouse.toString());
    }

    private static void runToTheEnd(Path log, Path input, Path warehouse, Map<String, String> environment) throws Exception {
        try (JarProcess run = start(log, input, warehouse, environment)) {
            int exit = run.awaitExit(Duration.ofMinutes(3));
            assertThat(exit).as(run.output()).isZero();
        }
    }

    private static List<String> executions(String schema) throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status from " + schema + ".batch_job_execution order by job_execution_id")) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }

    @Test
    void aRunKilledWhilePublishingIsRecoveredFromThePostgresRepositoryAndEndsAsAnUninterruptedOne() throws Exception {
        Path input = temp.resolve("input");
        CrashRecoveryFunctionalTests.copyDemo(input, FOLDERS);
        String reference = freshSchema();
        runToTheEnd(temp.resolve("reference.log"), input, temp.resolve("reference"), repository(reference));
        assertThat(executions(reference)).containsExactly("COMPLETED");
        assertThat(temp.resolve("reference/jobrepo")).as("no H2 file when PostgreSQL is the repository").doesNotExist();

        String schema = freshSchema();
        Map<String, String> environment = repository(schema);
        Path warehouse = temp.resolve("warehouse");
        Map<String, String> drill = new HashMap<>(environment);
        drill.put("RURALSTAT_DRILL_PAUSE_AT", "publishing:2");
        try (JarProcess doomed = start(temp.resolve("killed.log"), input, warehouse, drill)) {
            doomed.awaitOutput("ruralstat drill: paused at publishing", Duration.ofMinutes(2));
            doomed.kill();
        }
        assertThat(executions(schema)).containsExactly("STARTED");
        runToTheEnd(temp.resolve("recovered.log"), input, warehouse, environment);

        assertThat(executions(schema)).containsExactly("FAILED", "COMPLETED");
        assertThat(java.nio.file.Files.readString(temp.resolve("recovered.log"))).contains("Recovering execution");
        WarehouseContent.assertSame(WarehouseContent.of(warehouse.resolve("ruralstat.duckdb")),
                WarehouseContent.of(temp.resolve("reference/ruralstat.duckdb")));
    }

    @Test
    void twoProcessesShareOneRepository() throws Exception {
        String schema = freshSchema();
        Map<String, String> environment = repository(schema);
        Path first = temp.resolve("first/input");
        Path second = temp.resolve("second/input");
        CrashRecoveryFunctionalTests.copyDemo(first, List.of("222402"));
        CrashRecoveryFunctionalTests.copyDemo(second, List.of("350982"));
        runToTheEnd(temp.resolve("schema.log"), first, temp.resolve("first/warehouse"), environment);

        try (JarProcess a = start(temp.resolve("a.log"), first, temp.resolve("first/warehouse"), environment);
             JarProcess b = start(temp.resolve("b.log"), second, temp.resolve("second/warehouse"), environment)) {
            assertThat(a.awaitExit(Duration.ofMinutes(3))).as(a.output()).isZero();
            assertThat(b.awaitExit(Duration.ofMinutes(3))).as(b.output()).isZero();
        }
        assertThat(executions(schema)).containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
    }
}
