package org.ruralstat.job;

import org.ruralstat.discover.DiscoverSubmissionsTasklet;
import org.ruralstat.discover.FileReadiness;
import org.ruralstat.feedback.FeedbackWorkbookWriter;
import org.ruralstat.feedback.WriteFeedbackTasklet;
import org.ruralstat.publish.SnapshotPublisher;
import org.ruralstat.publish.SubmissionPublisher;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.SourceRow;
import org.ruralstat.read.SubmissionItemReader;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.report.MorningReportListener;
import org.ruralstat.report.RunProgress;
import org.ruralstat.stage.CheckStagedSubmissionTasklet;
import org.ruralstat.stage.StagedRowsHandOver;
import org.ruralstat.stage.StagingItemWriter;
import org.ruralstat.stage.StagingLines;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.warehouse.PendingSubmission;
import org.ruralstat.warehouse.ReferenceDataLoader;
import org.ruralstat.warehouse.SubmissionStatus;
import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The nightly job, and the only place that knows the order of its steps:
 * prepare the warehouse → discover files → stage each file (one partition per file, in parallel) →
 * check what needs the whole submission (set rules, jurisdiction) →
 * publish staged submissions → write each bureau's feedback workbook → publish the analysts' snapshot.
 * <p>
 * A night that did not finish is restarted by the next run ({@link UnfinishedNight}), and every step runs again in
 * the restart, each on what the ledger still holds pending: a step's COMPLETED in the job repository is saved in
 * another database than the warehouse (and, in Spring Batch 6, before its {@code afterStep} listeners run), so it
 * does not prove the warehouse holds the step's work; the ledger, committed with the work, does.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

    static final String JOB_NAME = "ingestJob";
    static final String STAGE_STEP = "stageSubmissionStep";
    private static final String WORKER = "worker";

    @Bean
    Job ingestJob(JobRepository jobRepository, Step prepareWarehouseStep, Step discoverSubmissionsStep,
                  Step stageSubmissionsStep, Step checkStagedSubmissionsStep, Step publishSubmissionsStep,
                  Step writeFeedbackStep, Step publishSnapshotStep, Workspaces workspaces, SubjectCatalog subjects) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(prepareWarehouseStep)
                .next(discoverSubmissionsStep)
                .next(stageSubmissionsStep)
                .next(checkStagedSubmissionsStep)
                .next(publishSubmissionsStep)
                .next(writeFeedbackStep)
                .next(publishSnapshotStep)
                .listener(new MorningReportListener(() -> workspaces.current().warehouse(), subjects))
                .build();
    }

    @Bean
    Step prepareWarehouseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Workspaces workspaces, SubjectCatalog subjects, ReferenceData reference,
                              ReferenceConfiguration.SeedFingerprint fingerprint, RuralstatProperties properties,
                              org.springframework.core.io.ResourceLoader loader) {
        return new StepBuilder("prepareWarehouseStep", jobRepository)
                .tasklet((contribution, context) -> {
                    Warehouse warehouse = workspaces.current().warehouse();
                    new WarehouseSchema(warehouse, subjects.all()).apply();
                    warehouse.clearSpillDirectory();
                    var indicators = org.ruralstat.reference.Seeds.rows(ReferenceConfiguration.seed(properties, loader, "indicators.csv"));
                    new ReferenceDataLoader(warehouse).load(reference.regions().all(), indicators, fingerprint.value());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step discoverSubmissionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 RuralstatProperties properties, Workspaces workspaces, ReferenceData reference) {
        FileReadiness readiness = new FileReadiness(properties.quietPeriod(), Clock.systemUTC());
        return new StepBuilder("discoverSubmissionsStep", jobRepository)
                .tasklet((contribution, context) -> {
                    Workspace run = workspaces.current();
                    return new DiscoverSubmissionsTasklet(run.folders().input(), run.ledger(), readiness,
                            code -> reference.regions().byCode(code).filter(r -> !r.level().equals("township")
                                    && !r.level().equals("village")).isPresent()).execute(contribution, context);
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * One partition per received submission: staged on this process's threads, or, with
     * {@code ruralstat.workers.broker}, by {@code worker} processes through RabbitMQ ({@link RemoteStaging}).
     */
    @Bean
    Step stageSubmissionsStep(JobRepository jobRepository, Step stageSubmissionStep, RuralstatProperties properties,
                              Workspaces workspaces, ObjectProvider<PartitionQueue> queue,
                              DataSource repository, @Value("${ruralstat.command:run}") String command) throws Exception {
        StepBuilder step = new StepBuilder("stageSubmissionsStep", jobRepository);
        var received = new SubmissionPartitioner(() -> pending(workspaces, SubmissionStatus.RECEIVED));
        if (!properties.workers().enabled() || command.equals(WORKER)) {
            return partitioned(step, stageSubmissionStep, received, "stage-", properties).build();
        }
        if (!RepositoryDatabase.isPostgres(repository)) {
            throw new IllegalStateException("staging on workers (ruralstat.workers.broker) needs a job repository "
                    + "they share: set SPRING_DATASOURCE_URL to PostgreSQL");
        }
        RemoteStaging remote = new RemoteStaging(received, workspaces, jobRepository, properties);
        return step.partitioner(stageSubmissionStep.getName(), remote)
                .partitionHandler(RemoteStaging.handler(queue.getObject(), jobRepository, stageSubmissionStep.getName(),
                        properties.workers()))
                .listener(remote)
                .allowStartIfComplete(true)
                .build();
    }

    /** The broker's queue of partitions, made only when workers stage. */
    @Bean
    @Lazy
    PartitionQueue partitionQueue(RuralstatProperties properties) {
        return new PartitionQueue(properties.workers());
    }

    /** The run's submissions in a status, from its ledger. */
    private static List<PendingSubmission> pending(Workspaces workspaces, SubmissionStatus status)
            throws SQLException {
        Workspace run = workspaces.current();
        return run.ledger().inStatus(status, run.folders().input());
    }

    @Bean
    Step stageSubmissionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RuralstatProperties properties, SubmissionItemReader submissionItemReader,
                             Workspaces workspaces, StagingItemWriter stagingItemWriter,
                             StagingStepListener staged, StagingProgressListener stagingProgressListener,
                             ThreadPoolTaskExecutor rowValidationExecutor, CrashDrill drill) {
        var step = new StepBuilder(STAGE_STEP, jobRepository)
                .<SourceRow, StagingLines>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(new ScopedTargetItemReader<>(submissionItemReader))
                // on the validation pool's threads, where no step scope is active: the run's processor, not a scoped one
                .processor(row -> workspaces.current().rows().process(row))
                // rows are read and written in order by the file's thread, validated and rendered meanwhile on every core
                .taskExecutor(rowValidationExecutor)
                .writer(stagingItemWriter)
                .listener(staged)
                .listener((StepExecutionListener) stagingProgressListener);
        if (drill.isOn()) {
            step.listener(drill.whileReading());
        }
        return step.build();
    }

    /**
     * Validates the rows of the files being staged, one thread per core: a single large file uses both cores, not
     * one. The validator keeps no state between rows, so the order rows are validated in does not matter; they are
     * written in the order they were read.
     */
    @Bean
    ThreadPoolTaskExecutor rowValidationExecutor(RuralstatProperties properties) {
        return pool("validate-", properties.threads());
    }

    /**
     * A step of one partition per submission, run by Spring Batch on as many threads as configured; each partition
     * names its submission by id (see {@link SubmissionPartitioner}).
     */
    private static org.springframework.batch.core.step.builder.PartitionStepBuilder partitioned(
            StepBuilder step, Step worker, SubmissionPartitioner partitioner, String threadNamePrefix,
            RuralstatProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(threadNamePrefix);
        executor.setConcurrencyLimit(properties.threads());
        return step.partitioner(worker.getName(), partitioner)
                .step(worker)
                .taskExecutor(executor)
                .gridSize(properties.threads())
                .allowStartIfComplete(true);
    }

    private static ThreadPoolTaskExecutor pool(String threadNamePrefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(threadNamePrefix);
        executor.setDaemon(true);
        return executor;
    }

    /** A partition's ends: its staging cleared before it and settled after it, in the warehouse or a worker's hand-over. */
    @Bean
    @StepScope
    StagingStepListener stagingStepListener(Workspaces workspaces, StagingItemWriter stagingItemWriter,
                                            RuralstatProperties properties, @Value("${ruralstat.command:run}") String command) {
        Workspace run = workspaces.current();
        return command.equals(WORKER)
                ? new StagingStepListener(new WorkerHandOver(run.warehouse(), new StagedRowsHandOver(run.ledger().stagingTables()),
                        run.compatibility(), properties.workers().exchange()), stagingItemWriter)
                : new StagingStepListener(run.ledger(), stagingItemWriter);
    }

    @Bean
    @StepScope
    StagingProgressListener stagingProgressListener(SubmissionItemReader submissionItemReader, RunProgress progress) {
        return new StagingProgressListener(progress, submissionItemReader);
    }

    @Bean
    @StepScope
    SubmissionItemReader submissionItemReader(@Value("#{stepExecutionContext['submissionId']}") Long submissionId,
                                              @Value("#{stepExecutionContext['submitterCode']}") String submitterCode,
                                              @Value("#{stepExecutionContext['exchange']}") String exchange,
                                              Workspaces workspaces, RuralstatProperties properties,
                                              LayoutDetector detector) throws SQLException, IOException {
        Workspace run = workspaces.current();
        // on a worker, the manager's copy in the exchange folder (the worker's own setting wins if it mounts it elsewhere)
        Path file = exchange == null ? run.ledger().file(submissionId, run.folders().input())
                : RemoteStaging.sourceFile(RemoteStaging.runFolder(exchange, properties.workers().exchange()), submissionId);
        return new SubmissionItemReader(file, submitterCode, detector);
    }

    @Bean
    @StepScope
    StagingItemWriter stagingItemWriter(@Value("#{stepExecutionContext['submissionId']}") Long submissionId,
                                        Workspaces workspaces, SubmissionItemReader submissionItemReader) {
        return new StagingItemWriter(workspaces.current().warehouse(), submissionId, submissionItemReader::hasEnded);
    }

    /**
     * The set rules of the staged submissions: groups of submissions, one partition each, as many at a time as
     * threads; each rule runs once over a group (docs/decisions.md).
     */
    @Bean
    Step checkStagedSubmissionsStep(JobRepository jobRepository, Step checkStagedSubmissionStep,
                                    RuralstatProperties properties, Workspaces workspaces, CrashDrill drill) {
        StepBuilder step = new StepBuilder("checkStagedSubmissionsStep", jobRepository);
        if (drill.isOn()) {
            step.listener(drill.onceStaged());
        }
        return partitioned(step, checkStagedSubmissionStep,
                SubmissionPartitioner.grouped(() -> pending(workspaces, SubmissionStatus.STAGED),
                        SubmissionPartitioner.MAX_GROUP), "check-", properties)
                .build();
    }

    @Bean
    Step checkStagedSubmissionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   CheckStagedSubmissionTasklet checkStagedSubmissionTasklet) {
        return new StepBuilder("checkStagedSubmissionStep", jobRepository)
                .tasklet(checkStagedSubmissionTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    CheckStagedSubmissionTasklet checkStagedSubmissionTasklet(
            @Value("#{stepExecutionContext['submissionIds']}") String submissionIds,
            Workspaces workspaces, SubjectCatalog subjects, RuleCatalog rules) {
        return new CheckStagedSubmissionTasklet(workspaces.current().warehouse(), subjects, rules,
                SubmissionPartitioner.ids(submissionIds));
    }

    @Bean
    Step publishSubmissionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                Workspaces workspaces, SubjectCatalog subjects, CrashDrill drill,
                                RuralstatProperties properties) {
        return new StepBuilder("publishSubmissionsStep", jobRepository)
                .tasklet((contribution, context) -> {
                    Workspace run = workspaces.current();
                    var results = new SubmissionPublisher(run.warehouse(), subjects, run.ledger(), properties.publishBatch(),
                            () -> drill.reach(CrashDrill.PUBLISHING)).publishStaged();
                    contribution.incrementWriteCount(results.size());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** The 回执 of each settled submission that has none: one partition per submission, as many at a time as threads. */
    @Bean
    Step writeFeedbackStep(JobRepository jobRepository, Step writeSubmissionFeedbackStep, RuralstatProperties properties,
                           Workspaces workspaces) {
        return partitioned(new StepBuilder("writeFeedbackStep", jobRepository), writeSubmissionFeedbackStep,
                SubmissionPartitioner.grouped(() -> workspaces.current().ledger().awaitingFeedback(),
                        SubmissionPartitioner.MAX_GROUP), "feedback-", properties)
                .listener(new ReceiptsIndexListener(workspaces, writeSubmissionFeedbackStep.getName()))
                .build();
    }

    @Bean
    Step writeSubmissionFeedbackStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     WriteFeedbackTasklet writeFeedbackTasklet) {
        return new StepBuilder("writeSubmissionFeedbackStep", jobRepository)
                .tasklet(writeFeedbackTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    WriteFeedbackTasklet writeFeedbackTasklet(@Value("#{stepExecutionContext['submissionIds']}") String submissionIds,
                                              Workspaces workspaces, LayoutDetector detector) {
        Workspace run = workspaces.current();
        return new WriteFeedbackTasklet(run.warehouse(), run.folders().input(), new FeedbackWorkbookWriter(detector),
                run.folders().receipts(), SubmissionPartitioner.ids(submissionIds));
    }

    @Bean
    Step publishSnapshotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Workspaces workspaces, CrashDrill drill) {
        return new StepBuilder("publishSnapshotStep", jobRepository)
                .tasklet((contribution, context) -> {
                    Workspace run = workspaces.current();
                    // the staging tables are the run's own, never the analysts'
                    List<String> internal = new ArrayList<>(run.ledger().stagingTables());
                    internal.add("etl_seed");
                    new SnapshotPublisher(run.warehouse(), internal, () -> drill.reach(CrashDrill.SNAPSHOT)).publish();
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }
}
