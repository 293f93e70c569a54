package org.ruralstat.job;

import org.ruralstat.publish.SubmissionPublisher;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Every setting of ruralstat, bound from {@code ruralstat.*} in application.yml and overridable by
 * environment variables (RURALSTAT_INPUT, RURALSTAT_WAREHOUSE, RURALSTAT_QUIET_PERIOD, …).
 *
 * @param input            the drop folder, holding one folder per submitter code
 * @param warehouse        where the working DuckDB file, the job repository, feedback and the snapshot live
 * @param definitions      Spring resource pattern of the subject and rule definitions
 * @param seeds            Spring resource location of the seeds folder
 * @param cadreKeySecret   secret for cadre_key; when empty, a key file under the warehouse is used (made on first run)
 * @param chunkSize        rows per chunk when staging
 * @param threads          files staged, rows validated, submissions checked and workbooks written in parallel (0: one per core)
 * @param quietPeriod      a file modified more recently than this is left for the next run
 * @param progressInterval how often progress is logged when there is no terminal
 * @param shutdownTimeout  how long a SIGTERM waits for the run to stop at a safe point
 * @param schedule         when {@code serve} runs the job
 * @param receipts         the folder bureaus read their 回执 from, one folder per submitter; null (empty) when not
 *                         set: {@code receipts} beside the drop folder, see {@link #receiptsFor}
 * @param duckdbMemoryLimit DuckDB's memory_limit for the working database (such as {@code 1GB}); empty leaves DuckDB's
 *                         own default, 80% of the machine's RAM
 * @param workers          staging on {@code worker} processes of other machines instead of this process's threads
 * @param publishBatch     submissions published in one transaction, at most (of different submitters)
 */
@ConfigurationProperties("ruralstat")
public record RuralstatProperties(Path input, Path warehouse, String definitions, String seeds, String cadreKeySecret,
                                  int chunkSize, int threads, Duration quietPeriod, Duration progressInterval,
                                  Duration shutdownTimeout, Schedule schedule, String duckdbMemoryLimit, Path receipts,
                                  Workers workers, int publishBatch) {

    public RuralstatProperties {
        input = input == null ? Path.of("input") : input;
        warehouse = warehouse == null ? Path.of("warehouse") : warehouse;
        definitions = definitions == null || definitions.isBlank() ? "classpath*:jobs/*.yml" : definitions;
        seeds = seeds == null || seeds.isBlank() ? "classpath:seeds/" : seeds;
        chunkSize = chunkSize <= 0 ? 5000 : chunkSize;
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        quietPeriod = quietPeriod == null || quietPeriod.isNegative() ? Duration.ofSeconds(60) : quietPeriod;
        progressInterval = positiveOr(progressInterval, Duration.ofSeconds(5));
        shutdownTimeout = positiveOr(shutdownTimeout, Duration.ofSeconds(60));
        schedule = schedule == null ? new Schedule(null, null, false, null, 0, null, null) : schedule;
        duckdbMemoryLimit = duckdbMemoryLimit == null ? "" : duckdbMemoryLimit.trim();
        receipts = receipts == null || receipts.toString().isBlank() ? null : receipts;
        workers = workers == null ? new Workers(null, null, null, null) : workers;
        publishBatch = publishBatch <= 0 ? SubmissionPublisher.DEFAULT_BATCH_SIZE : publishBatch;
    }

    /** The receipts folder of a drop folder: the one configured, or {@code receipts} beside the drop folder. */
    public Path receiptsFor(Path dropFolder) {
        return receipts != null ? receipts : dropFolder.toAbsolutePath().normalize().resolveSibling("receipts");
    }

    /** The exchange folder of a warehouse: the one configured, or {@code exchange} in the warehouse folder. */
    public Path exchangeFor(Path warehouseFolder) {
        return workers.exchange() != null ? workers.exchange() : warehouseFolder.resolve("exchange");
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }

    /**
     * When {@code serve} starts a run.
     *
     * @param cron         a Spring cron expression (second minute hour day month weekday)
     * @param zone         the time zone of the cron expression
     * @param onNewFiles   also run when settled new files appear in the drop folder
     * @param pollInterval how often the drop folder is looked at when {@code onNewFiles} is on
     * @param healthPort   the port of serve's /health/live, /health/ready and /metrics; 0 serves none
     * @param healthHost   the address they listen on (127.0.0.1 by default: only this machine)
     * @param group        serve instances of one group sharing a PostgreSQL job repository run each night once
     */
    public record Schedule(String cron, ZoneId zone, boolean onNewFiles, Duration pollInterval, int healthPort,
                           String healthHost, String group) {

        public Schedule {
            healthHost = healthHost == null || healthHost.isBlank() ? "127.0.0.1" : healthHost;
            group = group == null || group.isBlank() ? "ruralstat" : group;
            cron = cron == null || cron.isBlank() ? "0 0 2 * * *" : cron;
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
            pollInterval = positiveOr(pollInterval, Duration.ofSeconds(30));
        }
    }

    /**
     * Remote partitioning: with a broker, {@code run} and {@code serve} send each file's partition to the
     * {@code worker} processes listening on the queue (on this machine or others) instead of staging it on their own
     * threads, and load what the workers staged; the job repository must then be one they share (PostgreSQL).
     *
     * @param broker   the RabbitMQ address, such as {@code amqp://guest:guest@127.0.0.1:5672}; empty: no workers
     * @param exchange a folder the manager and every worker can reach: files go out and staged rows come back through
     *                 it; empty: {@code exchange} in the warehouse folder
     * @param queue    the queue of partitions (durable; one per warehouse)
     * @param timeout  how long the manager waits for the workers to finish a night's partitions
     */
    public record Workers(String broker, Path exchange, String queue, Duration timeout) {

        public Workers {
            broker = broker == null ? "" : broker.trim();
            exchange = exchange == null || exchange.toString().isBlank() ? null : exchange;
            queue = queue == null || queue.isBlank() ? "ruralstat.partitions" : queue.trim();
            timeout = positiveOr(timeout, Duration.ofHours(12));
        }

        public boolean enabled() {
            return !broker.isEmpty();
        }
    }
}
