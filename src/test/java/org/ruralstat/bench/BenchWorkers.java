package org.ruralstat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code worker} processes of the jar for a benchmark run on workers: each a JVM of its own at the benchmark's heap,
 * on a PostgreSQL job repository schema and a RabbitMQ queue made for the run (the machine's services, or
 * {@code -Dbench.postgres} and {@code -Dbench.broker}). The manager's settings are {@link #managerSettings()}.
 */
final class BenchWorkers implements AutoCloseable {

    private static final String POSTGRES = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String BROKER = System.getProperty("bench.broker", "amqp://guest:guest@127.0.0.1:5672");

    private final String schema = "ruralstat_bench_" + System.nanoTime();
    private final String queue = "ruralstat.bench." + System.nanoTime();
    private final List<Process> processes = new ArrayList<>();

    private BenchWorkers() {
    }

    /** Makes the schema and starts {@code count} workers, returning once every one takes partitions. */
    static BenchWorkers start(int count, Path jar, String xmx, Path logs) throws Exception {
        BenchWorkers workers = new BenchWorkers();
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create schema " + workers.schema);
        }
        Files.createDirectories(logs);
        // the first worker makes the job repository's tables; the others start once it has
        for (int i = 1; i <= count; i++) {
            Path log = logs.resolve("worker-" + i + ".log");
            List<String> command = new ArrayList<>(List.of(BenchFolders.java(), "-Xmx" + xmx, "-jar", jar.toString(), "worker"));
            command.addAll(workers.settings());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            workers.processes.add(process);
            awaitReady(process, log);
        }
        return workers;
    }

    private static void awaitReady(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("ruralstat worker: taking partitions")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("a worker ended before taking partitions: see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("a worker did not start within 2 minutes: see " + log);
    }

    private List<String> settings() {
        return List.of("--spring.datasource.url=" + repositoryUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--ruralstat.workers.broker=" + BROKER,
                "--ruralstat.workers.queue=" + queue, "--ruralstat.cadre-key-secret=ruralstat-benchmark-workers-secret");
    }

    /** What the manager's {@code run} adds to its command line. */
    List<String> managerSettings() {
        return settings();
    }

    String repositoryUrl() {
        return POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Stops the workers (SIGTERM) and drops the run's schema. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        } catch (SQLException e) {
            System.out.println("could not drop the benchmark's schema " + schema + ": " + e.getMessage());
        }
    }
}
