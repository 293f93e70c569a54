package org.ruralstat.job;

import org.ruralstat.discover.DropFolderScanner;
import org.ruralstat.publish.SubmissionRecheck;
import org.ruralstat.publish.SubmissionRetraction;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.text.PersonalDataMasker;

import io.micrometer.core.instrument.MeterRegistry;
import org.ruralstat.report.MetricsFile;
import org.ruralstat.report.ProgressPrinter;
import org.ruralstat.report.RunProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One run of the job now: takes the warehouse lock (a second run exits at once), recovers executions a
 * killed run left STARTED, restarts the warehouse's newest night from the job repository if it did not finish
 * ({@link UnfinishedNight}) or else starts a new one, and turns its outcome into the exit code.
 */
@Component
public class RunCommand {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final RuralstatProperties properties;
    private final Workspaces workspaces;
    private final RunProgress progress;
    private final GracefulShutdown shutdown;
    private final MeterRegistry meterRegistry;
    private final SubjectCatalog subjects;

    RunCommand(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, RuralstatProperties properties,
               Workspaces workspaces, RunProgress progress, GracefulShutdown shutdown, MeterRegistry meterRegistry,
               SubjectCatalog subjects) {
        this.subjects = subjects;
        this.meterRegistry = meterRegistry;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.properties = properties;
        this.workspaces = workspaces;
        this.progress = progress;
        this.shutdown = shutdown;
    }

    /** Runs the job on a drop folder and warehouse, and returns the exit code. */
    public int run(RunFolders folders) {
        return underLock(folders, this::runLocked);
    }

    /**
     * Withdraws a loaded submission (its facts leave the fact tables, the ledger keeps the reason), then runs the job
     * so that the snapshot, the morning report and the 回执 say so; exit 2 when the submission cannot be withdrawn.
     */
    public int retractThenRun(RunFolders folders, long submissionId, String reason) {
        return underLock(folders, run -> {
            try {
                int removed = new SubmissionRetraction(run.warehouse(), subjects).retract(submissionId, reason);
                log.info("Retracted submission {}: {} fact(s) removed", submissionId, removed);
            } catch (SubmissionRetraction.NotRetractable e) {
                System.err.println("ruralstat: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            return runLocked(run);
        });
    }

    /**
     * Reads the loaded submissions (and the rejected ones when asked) of a submitter, or of all, again from their
     * unchanged files, then runs the job: after the definitions or seeds change, without the bureaus dropping them
     * again. A file that is gone or has changed since is left alone and named.
     */
    public int recheckThenRun(RunFolders folders, boolean rejectedToo, String submitterCode) {
        return underLock(folders, run -> {
            SubmissionRecheck recheck = new SubmissionRecheck(run.warehouse());
            int registered = 0;
            for (SubmissionRecheck.Candidate candidate : recheck.candidates(rejectedToo, submitterCode)) {
                Path file = folders.input().resolve(candidate.filePath());
                if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || !DropFolderScanner.sha256(file).equals(candidate.sha256())) {
                    System.err.println("ruralstat: submission " + candidate.submissionId() + " not rechecked: its file "
                            + PersonalDataMasker.scrub(candidate.filePath()) + " is gone or has changed since");
                    continue;
                }
                recheck.register(candidate, "recheck");
                registered++;
            }
            log.info("Recheck: {} submission(s) to read again", registered);
            return runLocked(run);
        });
    }

    /** Work done on a run's open workspace while this process holds its warehouse's lock. */
    @FunctionalInterface
    private interface LockedWork {
        int run(Workspace workspace) throws Exception;
    }

    private int underLock(RunFolders folders, LockedWork work) {
        Path directory = folders.warehouse();
        // run, retract and recheck took the lock before Spring started; serve takes it here, night by night
        boolean held = WarehouseLock.heldByThisProcess(directory);
        try (WarehouseLock lock = held ? null : WarehouseLock.tryAcquire(directory)) {
            if (!held && lock == null) {
                System.err.println("ruralstat: another run holds " + WarehouseLock.fileOf(directory)
                        + "; not starting a second one");
                return ExitCodes.LOCKED;
            }
            Workspace run = workspaces.open(folders);
            try {
                return work.run(run);
            } finally {
                workspaces.close(run);
            }
        } catch (Exception e) {
            log.error("The run failed", e);
            return ExitCodes.FAILED;
        }
    }

    private int runLocked(Workspace run) throws Exception {
        if (shutdown.requested()) {
            return ExitCodes.FAILED;
        }
        String warehousePath = run.folders().warehouse().toString();
        recoverStaleExecutions(warehousePath);
        Optional<JobExecution> unfinished = UnfinishedNight.of(jobRepository, warehousePath);
        String runId = unfinished.map(last -> last.getJobParameters().getString("run.id"))
                .orElseGet(() -> LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")));
        if (unfinished.isPresent()) {
            JobExecution last = unfinished.get();
            log.warn("Restarting run {} (execution {} ended {}{}): the night's files, and any dropped since, are "
                    + "finished under its run id", runId, last.getId(), last.getStatus(), failedStep(last));
        } else {
            log.info("Run {}: input {}, warehouse {}", runId, run.folders().input(), warehousePath);
        }
        JobExecution execution;
        try (ProgressPrinter printer = ProgressPrinter.start(progress, properties.progressInterval())) {
            execution = unfinished.isPresent() ? jobOperator.restart(unfinished.get())
                    : jobOperator.start(ingestJob, new JobParametersBuilder()
                            .addString("run.id", runId)
                            .addString("input", run.folders().input().toString(), false)
                            .addString("warehouse", warehousePath, false)
                            .toJobParameters());
        }
        RunSummary.print(execution, run.warehouse(), runId, System.out);
        int exitCode = execution.getStatus() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.FAILED;
        if (execution.getStatus() == BatchStatus.STOPPED) {
            System.err.println("ruralstat: run " + runId + " stopped on request; the next run resumes where it stopped");
        } else if (exitCode != ExitCodes.OK) {
            execution.getAllFailureExceptions().forEach(e -> log.error("Run {} failed", runId, e));
        }
        try {
            MetricsFile.write(run.folders().warehouse().resolve("metrics").resolve("ruralstat.prom"), meterRegistry, runId,
                    execution.getStatus().toString(), exitCode);
        } catch (IOException e) {
            log.warn("Could not write the metrics file: {}", e.getMessage());
        }
        return exitCode;
    }

    private static String failedStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() == BatchStatus.FAILED || step.getStatus() == BatchStatus.STOPPED)
                .map(step -> " at " + step.getStepName()).findFirst().orElse("");
    }

    /**
     * An execution of this warehouse still STARTED while we hold its lock belongs to a run that died: mark it failed.
     * Executions of other warehouses sharing the job repository (another process, another host) are theirs to mind.
     */
    private void recoverStaleExecutions(String ours) {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
            if (execution.isRunning() && ours.equals(execution.getJobParameters().getString("warehouse"))) {
                log.warn("Recovering execution {} left {} by a run that stopped abruptly", execution.getId(), execution.getStatus());
                jobOperator.recover(execution);
            }
        }
    }
}
