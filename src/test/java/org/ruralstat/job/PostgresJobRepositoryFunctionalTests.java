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

    static final String URL = System.getenv().getOrDefault("RURALSTAT_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("RURALSTAT_TEST_POSTGRES_USER", "postgres");
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
    static String freshSchema() throws SQLException {
        String schema = "ruralstat_test_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        return schema;
    }

    static Map<String, String> repository(String schema) {
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

    private static long instances(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(distinct job_instance_id) from " + schema + ".batch_job_execution")) {
            rs.next();
            return rs.getLong(1);
        }
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
        assertThat(instances(schema)).as("the killed night is restarted, not replaced by a new one").isEqualTo(1);
        assertThat(java.nio.file.Files.readString(temp.resolve("recovered.log"))).contains("Recovering execution")
                .contains("Restarting run");
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

    /**
     * Two {@code serve} instances (as on two hosts: a warehouse each) sharing one PostgreSQL repository and group:
     * each night is run by exactly one of them; kill the one that ran, and the other runs the next nights.
     */
    @Test
    void twoServeInstancesRunEachNightOnceAndTheSurvivorTakesOver() throws Exception {
        String schema = freshSchema();
        Map<String, String> environment = repository(schema);
        environment.put("RURALSTAT_SCHEDULE_CRON", "*/10 * * * * *");
        environment.put("RURALSTAT_SCHEDULE_ZONE", "UTC");
        Path input = temp.resolve("input");
        CrashRecoveryFunctionalTests.copyDemo(input, List.of("222402"));
        runToTheEnd(temp.resolve("schema.log"), input, temp.resolve("schema/warehouse"), environment);
        Map<Long, JarProcess> instances = new HashMap<>();
        try (JarProcess a = serve(temp.resolve("a.log"), input, temp.resolve("a/warehouse"), environment);
             JarProcess b = serve(temp.resolve("b.log"), input, temp.resolve("b/warehouse"), environment)) {
            instances.put(a.pid(), a);
            instances.put(b.pid(), b);
            List<String[]> nights = awaitNights(schema, 2, Duration.ofMinutes(3));

            long runner = Long.parseLong(nights.get(nights.size() - 1)[1].replaceAll(".*#", ""));
            JarProcess dead = instances.get(runner);
            assertThat(dead).as("the runner is one of the two instances").isNotNull();
            dead.kill();
            int before = nights.size();
            List<String[]> after = awaitNights(schema, before + 2, Duration.ofMinutes(3));
            JarProcess survivor = dead == a ? b : a;
            for (String[] night : after.subList(before, after.size())) {
                assertThat(night[1]).as("night %s after the runner died", night[0]).endsWith("#" + survivor.pid());
                assertThat(night[2]).isEqualTo("true");
            }
            survivor.terminate();
            assertThat(survivor.awaitExit(Duration.ofMinutes(2))).isZero();
            assertThat(countRuns(a) + countRuns(b)).as("one run per night claimed, across both instances")
                    .isEqualTo(countClaimed(schema));
        }
    }

    private static JarProcess serve(Path log, Path input, Path warehouse, Map<String, String> environment) throws Exception {
        return JarProcess.start(log, environment, "serve", "--quiet-period", "0s", "--input", input.toString(),
                "--warehouse", warehouse.toString());
    }

    private static long countRuns(JarProcess instance) throws Exception {
        return instance.output().lines().filter(line -> line.contains("Starting a run (schedule)")).count();
    }

    private static long countClaimed(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + schema + ".ruralstat_night")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The finished nights (night, host, completed), oldest first, once there are at least {@code count}. */
    private static List<String[]> awaitNights(String schema, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String[]> nights = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            nights.clear();
            try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select night, host, completed from " + schema + ".ruralstat_night "
                         + "where finished_at is not null order by night")) {
                while (rs.next()) {
                    nights.add(new String[]{rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))});
                }
            } catch (SQLException e) {
                // the table is made by the first claim
            }
            if (nights.size() >= count) {
                return List.copyOf(nights);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("fewer than " + count + " finished nights within " + timeout);
    }
}
