package org.ruralstat.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On SIGTERM (or Ctrl-C), asks the running job to stop at its next safe point (a chunk or step boundary)
 * and holds the JVM open until the command has returned and the application context is closed, within
 * {@code ruralstat.shutdown-timeout}. What was not finished is resumed by the next run.
 */
@Component
public class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RuralstatProperties properties;
    private final Workspaces workspaces;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "ruralstat-shutdown");
    private volatile int exitCode = 1;
    private final List<Runnable> onRequest = new CopyOnWriteArrayList<>();

    GracefulShutdown(JobRepository jobRepository, JobOperator jobOperator, RuralstatProperties properties,
                     Workspaces workspaces) {
        this.workspaces = workspaces;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.properties = properties;
    }

    /** Registers the JVM shutdown hook; call once the application context is up. */
    public void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Tells the hook that the command returned this exit code and the context is closed, so the JVM may end. */
    public void closed(int exitCode) {
        this.exitCode = exitCode;
        closed.countDown();
        if (!requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // The JVM is already shutting down (the hook is running), or it was never installed.
            }
        }
    }

    /** True once a stop was requested: no new run may start. */
    public boolean requested() {
        return requested.get();
    }

    /** Something to do first when a stop is requested (serve stops scheduling). */
    void onRequest(Runnable action) {
        onRequest.add(action);
    }

    private void onSignal() {
        if (closed.getCount() == 0) {
            return;
        }
        requested.set(true);
        log.warn("Stop requested: finishing the current chunk or step, then stopping (the next run resumes)");
        onRequest.forEach(Runnable::run);
        stopRunningExecutions();
        try {
            if (closed.await(properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                // The command's own exit code: 0 when serve stopped cleanly, 1 when a run was cut short.
                Runtime.getRuntime().halt(exitCode);
            }
            log.error("The run did not stop within {}; exiting anyway (the next run recovers it)", properties.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopRunningExecutions() {
        try {
            // only the warehouse this process is running on: other processes may share the job repository
            var open = workspaces.ifOpen();
            if (open.isEmpty()) {
                return;
            }
            String ours = open.get().folders().warehouse().toString();
            for (JobExecution execution : jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
                if (!ours.equals(execution.getJobParameters().getString("warehouse"))) {
                    continue;
                }
                log.warn("Stopping execution {}", execution.getId());
                jobOperator.stop(execution);
            }
        } catch (Exception e) {
            log.error("Could not ask the job to stop; the next run recovers it", e);
        }
    }
}
