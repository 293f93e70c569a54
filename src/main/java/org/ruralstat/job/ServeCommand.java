package org.ruralstat.job;

import org.ruralstat.discover.DiscoveredFile;
import org.ruralstat.discover.DropFolderScanner;
import org.ruralstat.discover.FileReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code serve}: runs the job on the configured cron schedule (and, when enabled, when settled new files
 * appear) until SIGTERM. Runs happen one at a time on their own thread: a trigger that comes while a run is in
 * progress is skipped, never queued; the warehouse lock keeps a separate {@code run} process from overlapping too.
 */
@Component
public class ServeCommand {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final RunCommand runCommand;
    private final RuralstatProperties properties;
    private final GracefulShutdown shutdown;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile List<String> dropAtLastRun;

    private final io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry;
    private final java.util.concurrent.atomic.AtomicInteger failuresInARow = new java.util.concurrent.atomic.AtomicInteger();

    private final NightLeadership leadership;

    ServeCommand(RunCommand runCommand, RuralstatProperties properties, GracefulShutdown shutdown,
                 io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry, javax.sql.DataSource dataSource) {
        this.registry = registry;
        this.leadership = new NightLeadership(dataSource, properties.schedule().group(), hostName());
        this.runCommand = runCommand;
        this.properties = properties;
        this.shutdown = shutdown;
    }

    public int serve() {
        RuralstatProperties.Schedule schedule = properties.schedule();
        CronExpression cron;
        try {
            cron = CronExpression.parse(schedule.cron());
        } catch (IllegalArgumentException e) {
            System.err.println("ruralstat: ruralstat.schedule.cron is not a valid cron expression: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("serve-");
        // the scheduler only triggers runs (they run on the runner below): its pending triggers, such as tonight's
        // 02:00, are dropped at once on a stop, or an idle serve would wait out the shutdown timeout for them
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        CountDownLatch stopRequested = new CountDownLatch(1);
        shutdown.onRequest(stopRequested::countDown);

        ExecutorService runner = Executors.newSingleThreadExecutor(task -> new Thread(task, "run"));
        scheduler.schedule(() -> triggerNight(cron, runner), new CronTrigger(schedule.cron(), schedule.zone()));
        if (schedule.onNewFiles()) {
            scheduler.scheduleWithFixedDelay(() -> runIfNewFiles(runner), schedule.pollInterval());
        }
        log.info("Serving: cron '{}' ({}), next run at {}; run on new files: {}", schedule.cron(), schedule.zone(),
                cron.next(ZonedDateTime.now(schedule.zone())), schedule.onNewFiles() ? "every " + schedule.pollInterval() : "off");
        HealthServer health = null;
        if (schedule.healthPort() > 0) {
            try {
                // the reference data is loaded before serve starts; ready unless runs keep failing
                health = HealthServer.start(schedule.healthHost(), schedule.healthPort(), () -> failuresInARow.get() < 2,
                        registry);
                log.info("Health and metrics on http://{}:{}/health/ready and /metrics", schedule.healthHost(), health.port());
            } catch (IOException e) {
                System.err.println("ruralstat: cannot serve health on " + schedule.healthHost() + ":" + schedule.healthPort()
                        + ": " + e.getMessage());
                scheduler.shutdown();
                return ExitCodes.USAGE;
            }
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (health != null) {
                health.close();
            }
        }
        log.info("Serve is stopping: no new runs; waiting for a run in progress to stop");
        scheduler.shutdown();
        runner.shutdown();
        try {
            runner.awaitTermination(properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** A scheduled night: run by this instance only if it claims it among the instances of its group. */
    private void triggerNight(CronExpression cron, ExecutorService runner) {
        if (shutdown.requested() || running.get()) {
            trigger("schedule", runner, null);
            return;
        }
        Instant night = NightLeadership.nightOf(cron, properties.schedule().zone(), Instant.now());
        leadership.claim(night).ifPresent(claim -> trigger("schedule", runner, claim));
    }

    private void trigger(String reason, ExecutorService runner) {
        trigger(reason, runner, null);
    }

    /**
     * Starts a run on the runner thread unless one is in progress or a stop was requested; never queues one.
     *
     * @param claim the night this run was claimed for, released when it ends; null for a run on new files
     */
    private void trigger(String reason, ExecutorService runner, NightLeadership.Claim claim) {
        if (shutdown.requested() || !running.compareAndSet(false, true)) {
            if (!shutdown.requested()) {
                log.info("Skipping the {} trigger: the previous run is still in progress", reason);
            }
            if (claim != null) {
                claim.finished(false);
                claim.close();
            }
            return;
        }
        dropAtLastRun = settledFiles();
        runner.execute(() -> {
            try {
                log.info("Starting a run ({})", reason);
                int code = runCommand.run(RunFolders.of(properties));
                if (claim != null) {
                    claim.finished(code == ExitCodes.OK);
                }
                if (code == ExitCodes.OK) {
                    failuresInARow.set(0);
                } else if (code == ExitCodes.FAILED) {
                    failuresInARow.incrementAndGet();
                }
                log.info("The run ({}) ended with exit code {}", reason, code);
            } finally {
                if (claim != null) {
                    claim.close();
                }
                running.set(false);
            }
        });
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "#" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }

    private void runIfNewFiles(ExecutorService runner) {
        List<String> now = settledFiles();
        if (now != null && !Objects.equals(now, dropAtLastRun)) {
            trigger("new files", runner);
        }
    }

    /** The settled files of the drop folder with size and time, to notice arrivals; null if unreadable. */
    private List<String> settledFiles() {
        FileReadiness readiness = new FileReadiness(properties.quietPeriod(), Clock.systemUTC());
        try {
            return DropFolderScanner.scan(properties.input()).stream()
                    .filter(readiness::isSettled)
                    .map(DiscoveredFile::toString)
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot scan the drop folder: {}", e.getMessage());
            return null;
        }
    }
}
