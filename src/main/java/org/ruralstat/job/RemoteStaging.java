package org.ruralstat.job;

import org.ruralstat.stage.StagedRowsHandOver;
import org.ruralstat.warehouse.Folders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.core.MessagingTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The manager's side of staging on workers: before the step, each submission's file is copied into the exchange
 * folder ({@code run-<job execution>/submission-<id>/input/<code>/<file>}); the partitions go out on the
 * {@link PartitionQueue} and the manager waits on the shared job repository until every one has ended; meanwhile the
 * rows each completed partition's worker handed over ({@code …/staged/}) are loaded into the warehouse as they arrive,
 * one transaction per submission, and at the end the run's exchange folder is removed. A partition that failed leaves its submission received, as on
 * this process's own threads.
 */
final class RemoteStaging implements Partitioner, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RemoteStaging.class);

    /** Partition context keys: the run's exchange folder, what the worker must match, and what it handed over. */
    static final String EXCHANGE = "exchange";
    static final String COMPATIBILITY = "compatibility";
    static final String HANDED_OVER = "handedOver";
    /** The file in a submission's folder naming where its copy is, relative to the run's folder. */
    private static final String SOURCE = "source.txt";

    private final Partitioner submissions;
    private final Workspaces workspaces;
    private final JobRepository jobRepository;
    private final RuralstatProperties properties;
    /** The run being staged and its hand-over of staged rows, set when the step starts. */
    private volatile Workspace run;
    private volatile StagedRowsHandOver handOver;
    /** Partitions whose hand-over was loaded (or tried), and what could not be loaded. */
    private final Set<Long> loaded = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile Path runFolder;
    private volatile boolean stopLoading;
    private Thread loader;

    RemoteStaging(Partitioner submissions, Workspaces workspaces, JobRepository jobRepository,
                  RuralstatProperties properties) {
        this.submissions = submissions;
        this.workspaces = workspaces;
        this.jobRepository = jobRepository;
        this.properties = properties;
    }

    /** Sends each partition's request to the queue and polls the job repository until all have ended. */
    static MessageChannelPartitionHandler handler(PartitionQueue queue, JobRepository jobRepository, String workerStep,
                                                  RuralstatProperties.Workers workers) throws Exception {
        queue.declare();
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setMessagingOperations(new MessagingTemplate((message, timeout) -> {
            queue.send((StepExecutionRequest) message.getPayload());
            return true;
        }));
        handler.setJobRepository(jobRepository);
        handler.setStepName(workerStep);
        handler.setTimeout(workers.timeout().toMillis());
        handler.setPollInterval(1000);
        handler.afterPropertiesSet();
        return handler;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        run = workspaces.current();
        handOver = new StagedRowsHandOver(run.ledger().stagingTables());
        runFolder = run.folders().exchange().resolve("run-" + stepExecution.getJobExecutionId());
        Folders.delete(runFolder);
        loaded.clear();
        failures.clear();
        stopLoading = false;
        long jobExecutionId = stepExecution.getJobExecutionId();
        // the hand-overs are loaded as they arrive, while the workers stage the rest
        loader = new Thread(() -> {
            while (!stopLoading) {
                try {
                    loadHandedOver(partitions(jobExecutionId));
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Loading the workers' hand-overs: {}; trying again", e.getMessage());
                }
            }
        }, "load-handed-over");
        loader.setDaemon(true);
        loader.start();
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = submissions.partition(gridSize);
        try {
            for (ExecutionContext context : partitions.values()) {
                long submissionId = context.getLong("submissionId");
                Path file = run.ledger().file(submissionId, run.folders().input());
                Path copy = submissionFolder(runFolder, submissionId).resolve("input")
                        .resolve(context.getString("submitterCode")).resolve(file.getFileName());
                Files.createDirectories(copy.getParent());
                // a file gone since discovery is not copied, a link is copied as a link: the worker's reader says so
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
                Files.writeString(submissionFolder(runFolder, submissionId).resolve(SOURCE),
                        runFolder.relativize(copy).toString());
                context.putString(EXCHANGE, runFolder.toString());
                context.putString(COMPATIBILITY, run.compatibility());
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot hand the files to the workers through " + runFolder, e);
        }
        return partitions;
    }

    /** Loads what the workers staged; a submission that cannot be loaded stays received and fails the step. */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stopLoading = true;
        List<StepExecution> partitions;
        try {
            if (loader != null) {
                loader.join();
            }
            partitions = settled(stepExecution.getJobExecutionId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            partitions = List.of();
        }
        loadHandedOver(partitions);
        for (StepExecution partition : partitions) {
            if (partition.getStatus() == BatchStatus.COMPLETED && !handedOver(partition)) {
                failures.add(partition.getStepName() + ": its worker stopped before handing over its rows");
            }
        }
        log.info("Loaded the staging of {} submission(s) from the workers", loaded.size());
        if (failures.isEmpty()) {
            Folders.delete(runFolder);
            return stepExecution.getExitStatus();
        }
        stepExecution.setStatus(BatchStatus.FAILED);
        IllegalStateException failure = new IllegalStateException("cannot load what the workers staged: "
                + List.copyOf(failures));
        stepExecution.addFailureException(failure);
        return ExitStatus.FAILED.addExitDescription(failure);
    }

    /**
     * The run's exchange folder as this process reaches it: the manager's path, or the same run's folder under this
     * worker's own {@code ruralstat.workers.exchange} when it mounts the folder elsewhere.
     */
    static Path runFolder(String managers, Path ownExchange) {
        Path folder = Path.of(managers);
        return ownExchange == null ? folder : ownExchange.toAbsolutePath().normalize().resolve(folder.getFileName());
    }

    /**
     * The run's partitions once every one has settled: failed, stopped, or completed with its rows handed over. A
     * worker marks its partition completed in the job repository before its listeners hand the rows over (Spring
     * Batch 6 saves the status first), so a completed partition without them is waited for; one whose worker died in
     * between is run again by another worker, as the broker hands its message on. Waits at most the workers' timeout.
     */
    private List<StepExecution> settled(long jobExecutionId) throws InterruptedException {
        long deadline = System.nanoTime() + properties.workers().timeout().toNanos();
        while (true) {
            List<StepExecution> ours = partitions(jobExecutionId);
            boolean waiting = ours.stream().anyMatch(partition -> partition.getStatus().isRunning()
                    || partition.getStatus() == BatchStatus.COMPLETED && !handedOver(partition));
            if (!waiting || System.nanoTime() > deadline) {
                return ours;
            }
            Thread.sleep(1000);
        }
    }

    /** This run's partitions as the job repository has them now. */
    private List<StepExecution> partitions(long jobExecutionId) {
        return jobRepository.getJobExecution(jobExecutionId).getStepExecutions().stream()
                .filter(partition -> runFolder.toString().equals(partition.getExecutionContext().getString(EXCHANGE, "")))
                .toList();
    }

    /**
     * Loads each completed partition's hand-over not loaded or tried yet, one transaction per submission; one that
     * cannot be loaded stays received and is named in the failures.
     */
    private void loadHandedOver(List<StepExecution> partitions) {
        for (StepExecution partition : partitions) {
            if (partition.getStatus() != BatchStatus.COMPLETED || !handedOver(partition)
                    || !loaded.add(partition.getId())) {
                continue;
            }
            ExecutionContext context = partition.getExecutionContext();
            long submissionId = context.getLong("submissionId");
            try {
                handOver.load(run.warehouse(), submissionId, submissionFolder(runFolder, submissionId).resolve("staged"),
                        counts(context.getString(HANDED_OVER)), context.getString("format", null),
                        context.getString("subject", null));
            } catch (SQLException | RuntimeException e) {
                log.error("Cannot load the rows a worker staged for submission {}; it stays received", submissionId, e);
                failures.add("submission " + submissionId + ": " + e.getMessage());
            }
        }
    }

    /** True once the partition's worker has handed its rows over. */
    static boolean handedOver(StepExecution partition) {
        return partition.getExecutionContext().containsKey(HANDED_OVER);
    }

    static Path submissionFolder(Path runFolder, long submissionId) {
        return runFolder.resolve("submission-" + submissionId);
    }

    /**
     * The file a partition's worker reads: the copy in its submission's folder of the exchange, under the name the
     * bureau gave it (absent when the file was gone by the time the manager handed it out).
     */
    static Path sourceFile(Path runFolder, long submissionId) throws IOException {
        Path file = runFolder.resolve(Files.readString(submissionFolder(runFolder, submissionId).resolve(SOURCE)).strip())
                .normalize();
        if (!file.startsWith(submissionFolder(runFolder, submissionId))) {
            throw new IOException("the exchange names a file outside submission " + submissionId + "'s folder");
        }
        return file;
    }

    /** Row counts per table as a worker writes them into its partition's context: {@code table=rows,…}. */
    static String counts(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((table, rows) -> text.append(text.isEmpty() ? "" : ",").append(table).append('=').append(rows));
        return text.toString();
    }

    static Map<String, Long> counts(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                counts.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
            }
        }
        return counts;
    }
}
