package org.ruralstat.job;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Staging on {@code worker} processes (separate JVMs) through Spring Batch's remote partitioning over a real RabbitMQ
 * broker and a real PostgreSQL job repository: the whole demo drop staged by two workers, one of them killed in the
 * middle of a file, ends in a warehouse equal, table by table, to a single process's. The broker is
 * {@code RURALSTAT_TEST_BROKER} (default amqp://guest:guest@127.0.0.1:5672); without it, or without PostgreSQL, the
 * test is left out with the reason, unless {@code RURALSTAT_REQUIRE_SERVICES=true} (as in CI).
 */
class RemoteWorkersFunctionalTests {

    private static final String BROKER = System.getenv().getOrDefault("RURALSTAT_TEST_BROKER",
            "amqp://guest:guest@127.0.0.1:5672");
    private static final Pattern FINISHED = Pattern.compile("Partition stageSubmissionStep:submission-(\\d+) \\(\\d+\\): COMPLETED");
    private static final Pattern SKIPPED = Pattern.compile("Skipping partition stageSubmissionStep:submission-(\\d+) ");
    private static final Pattern STARTED = Pattern.compile("Partition stageSubmissionStep:submission-(\\d+) \\(\\d+\\): started");

    @TempDir
    Path temp;

    private final String queue = "ruralstat.test." + System.nanoTime();

    @BeforeAll
    static void services() {
        String why = null;
        try (Connection c = DriverManager.getConnection(PostgresJobRepositoryFunctionalTests.URL,
                PostgresJobRepositoryFunctionalTests.USER, "")) {
            assertThat(c.isValid(5)).isTrue();
        } catch (Exception e) {
            why = "PostgreSQL is not reachable at " + PostgresJobRepositoryFunctionalTests.URL + " (" + e.getMessage() + ")";
        }
        if (why == null) {
            CachingConnectionFactory broker = new CachingConnectionFactory(URI.create(BROKER));
            try {
                broker.createConnection().close();
            } catch (Exception e) {
                why = "RabbitMQ is not reachable at " + BROKER.replaceAll("//[^@]*@", "//") + " (" + e.getMessage() + ")";
            } finally {
                broker.destroy();
            }
        }
        if (why != null) {
            why += ": the remote-worker tests are left out";
            if ("true".equals(System.getenv("RURALSTAT_REQUIRE_SERVICES"))) {
                fail(why);
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
    }

    @AfterEach
    void deleteQueue() {
        CachingConnectionFactory broker = new CachingConnectionFactory(URI.create(BROKER));
        try {
            new RabbitAdmin(broker).deleteQueue(queue);
        } finally {
            broker.destroy();
        }
    }

    private Map<String, String> workers(String schema) {
        Map<String, String> environment = PostgresJobRepositoryFunctionalTests.repository(schema);
        environment.put("RURALSTAT_WORKERS_BROKER", BROKER);
        environment.put("RURALSTAT_WORKERS_QUEUE", queue);
        return environment;
    }

    private static JarProcess worker(Path log, Map<String, String> environment, String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker"));
        args.addAll(List.of(settings));
        JarProcess worker = JarProcess.start(log, environment, args.toArray(String[]::new));
        worker.awaitOutput("ruralstat worker: taking partitions", Duration.ofMinutes(1));
        return worker;
    }

    @Test
    void aDropStagedByWorkersOneKilledMidFileEqualsASingleProcessRun() throws Exception {
        Path input = temp.resolve("input");
        List<String> folders;
        try (var list = Files.list(Path.of("input"))) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        CrashRecoveryFunctionalTests.copyDemo(input, folders);
        Map<String, String> single = PostgresJobRepositoryFunctionalTests.repository(
                PostgresJobRepositoryFunctionalTests.freshSchema());
        assertThat(JarProcess.run(temp.resolve("single.log"), single, "run", "--quiet-period", "0s", "--input",
                input.toString(), "--warehouse", temp.resolve("single").toString())).isZero();

        String schema = PostgresJobRepositoryFunctionalTests.freshSchema();
        Map<String, String> environment = workers(schema);
        Map<String, String> doomedEnvironment = new HashMap<>(environment);
        // in the middle of a file: after its third chunk of ten rows
        doomedEnvironment.put("RURALSTAT_DRILL_PAUSE_AT", "reading:3");
        Path warehouse = temp.resolve("managed");
        try (JarProcess doomed = worker(temp.resolve("doomed.log"), doomedEnvironment, "--ruralstat.chunk-size=10");
             JarProcess manager = JarProcess.start(temp.resolve("manager.log"), environment, "run", "--quiet-period",
                     "0s", "--input", input.toString(), "--warehouse", warehouse.toString())) {
            doomed.awaitOutput("ruralstat drill: paused at reading", Duration.ofMinutes(2));
            try (JarProcess survivor = worker(temp.resolve("survivor.log"), environment)) {
                doomed.kill();
                assertThat(manager.awaitExit(Duration.ofMinutes(5))).as(manager.output()).isZero();
                List<Long> byDoomed = ids(FINISHED, doomed.output());
                List<Long> bySurvivor = ids(FINISHED, survivor.output());
                List<Long> cutShort = new ArrayList<>(ids(STARTED, doomed.output()));
                cutShort.removeAll(byDoomed);
                long partitions = count(schema, "select count(*) from batch_step_execution where step_name like "
                        + "'stageSubmissionStep:%' and status = 'COMPLETED'");
                assertThat(count(schema, "select count(*) from batch_step_execution where step_name like "
                        + "'stageSubmissionStep:%' and status <> 'COMPLETED'")).as("every partition completed").isZero();
                assertThat(partitions).as("the demo drop's files").isGreaterThan(40);
                assertThat(cutShort).as("the partition the killed worker was in the middle of").isNotEmpty();
                assertThat(bySurvivor).as("the survivor ran again the partition the killed worker held")
                        .containsAnyElementsOf(cutShort).doesNotContainAnyElementsOf(byDoomed);
                // a partition the killed worker completed just before it died (and did not get to log) is skipped
                List<Long> skipped = ids(SKIPPED, survivor.output());
                assertThat(cutShort).allMatch(id -> bySurvivor.contains(id) || skipped.contains(id));
                assertThat(manager.output()).contains("Loaded the staging of " + partitions + " submission(s) from the workers");
                survivor.terminate();
                assertThat(survivor.awaitExit(Duration.ofMinutes(1))).isZero();
            }
        }
        assertThat(warehouse.resolve("exchange")).as("the run's exchange folder is removed").isEmptyDirectory();
        assertThat(warehouse.resolve("jobrepo")).as("no H2 file: the repository is PostgreSQL").doesNotExist();
        WarehouseContent.assertSame(WarehouseContent.of(warehouse.resolve("ruralstat.duckdb")),
                WarehouseContent.of(temp.resolve("single/ruralstat.duckdb")));
    }

    @Test
    void aWorkerWithoutASharedRepositoryOrBrokerRefusesToStart() throws Exception {
        Map<String, String> noBroker = PostgresJobRepositoryFunctionalTests.repository(
                PostgresJobRepositoryFunctionalTests.freshSchema());
        assertThat(JarProcess.run(temp.resolve("no-broker.log"), noBroker, "worker")).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(temp.resolve("no-broker.log"))).contains("worker needs the broker");

        Map<String, String> embedded = new HashMap<>(Map.of("RURALSTAT_WORKERS_BROKER", BROKER,
                "RURALSTAT_WORKERS_QUEUE", queue, "RURALSTAT_CADRE_KEY_SECRET", "postgres-repository-secret"));
        assertThat(JarProcess.run(temp.resolve("embedded.log"), embedded, "worker")).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(temp.resolve("embedded.log"))).contains("worker needs the job repository");

        Path input = temp.resolve("input");
        CrashRecoveryFunctionalTests.copyDemo(input, List.of("222402"));
        assertThat(JarProcess.run(temp.resolve("manager.log"), embedded, "run", "--quiet-period", "0s", "--input",
                input.toString(), "--warehouse", temp.resolve("warehouse").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(temp.resolve("manager.log"))).contains("needs a job repository they share");
    }

    private static List<Long> ids(Pattern line, String log) {
        List<Long> ids = new ArrayList<>();
        Matcher m = line.matcher(log);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static long count(String schema, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresJobRepositoryFunctionalTests.URL + "?currentSchema=" + schema,
                PostgresJobRepositoryFunctionalTests.USER, ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
