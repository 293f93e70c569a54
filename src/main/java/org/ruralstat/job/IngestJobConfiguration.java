package org.ruralstat.job;

import org.ruralstat.discover.DiscoverSubmissionsTasklet;
import org.ruralstat.discover.FileReadiness;
import org.ruralstat.feedback.FeedbackWorkbookWriter;
import org.ruralstat.feedback.WriteFeedbackTasklet;
import org.ruralstat.normalize.CadreKeyHasher;
import org.ruralstat.publish.SnapshotPublisher;
import org.ruralstat.publish.SubmissionPublisher;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.SourceRow;
import org.ruralstat.read.SubmissionItemReader;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.report.RunProgress;
import org.ruralstat.stage.CheckStagedSubmissionTasklet;
import org.ruralstat.stage.StagedRowsHandOver;
import org.ruralstat.stage.StagingItemWriter;
import org.ruralstat.stage.StagingLineItemProcessor;
import org.ruralstat.stage.StagingLines;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.validate.RowValidationItemProcessor;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.warehouse.ReferenceDataLoader;
import org.ruralstat.warehouse.SubmissionLedger;
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
                  Step writeFeedbackStep,
                  org.ruralstat.report.MorningReportListener morningReportListener,
                  Step publishSnapshotStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(prepareWarehouseStep)
                .next(discoverSubmissionsStep)
                .next(stageSubmissionsStep)
                .next(checkStagedSubmissionsStep)
                .next(publishSubmissionsStep)
                .next(writeFeedbackStep)
                .next(publishSnapshotStep)
                .listener(morningReportListener)
                .build();
    }

    @Bean
    SubmissionLedger submissionLedger(Warehouse warehouse, SubjectCatalog subjects) {
        return new SubmissionLedger(warehouse, subjects.all());
    }

    @Bean
    Step prepareWarehouseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Warehouse warehouse, SubjectCatalog subjects, ReferenceData reference,
                              ReferenceConfiguration.SeedFingerprint fingerprint, RuralstatProperties properties,
                              org.springframework.core.io.ResourceLoader loader) {
        return new StepBuilder("prepareWarehouseStep", jobRepository)
                .tasklet((contribution, context) -> {
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
                                 RuralstatProperties properties, SubmissionLedger ledger, ReferenceData reference) {
        return new StepBuilder("discoverSubmissionsStep", jobRepository)
                .tasklet(new DiscoverSubmissionsTasklet(properties.input(), ledger,
                        new FileReadiness(properties.quietPeriod(), Clock.systemUTC()),
                        code -> reference.regions().byCode(code).filter(r -> !r.level().equals("township")
                                && !r.level().equals("village")).isPresent()), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * One partition per received submission: staged on this process's threads, or, with
     * {@code ruralstat.workers.broker}, by {@code worker} processes through RabbitMQ ({@link RemoteStaging}).
     */
    @Bean
    Step stageSubmissionsStep(JobRepository jobRepository, Step stageSubmissionStep, RuralstatProperties properties,
                              SubmissionLedger ledger, Warehouse warehouse, ObjectProvider<PartitionQueue> queue,
                              DataSource repository, @Value("${ruralstat.command:run}") String command,
                              WorkerCompatibility compatibility) throws Exception {
        StepBuilder step = new StepBuilder("stageSubmissionsStep", jobRepository);
        var received = SubmissionPartitioner.inStatus(ledger, properties.input(), SubmissionStatus.RECEIVED);
        if (!properties.workers().enabled() || command.equals(WORKER)) {
            return partitioned(step, stageSubmissionStep, received, "stage-", properties).build();
        }
        if (!RepositoryDatabase.isPostgres(repository)) {
            throw new IllegalStateException("staging on workers (ruralstat.workers.broker) needs a job repository "
                    + "they share: set SPRING_DATASOURCE_URL to PostgreSQL");
        }
        RemoteStaging remote = new RemoteStaging(received, ledger, warehouse, jobRepository, properties, compatibility.value());
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

    /**
     * What a worker must share with its manager to stage a file as the manager would: the seeds and the cadre key
     * (an HMAC of a fixed text, which tells nothing of the secret).
     */
    @Bean
    WorkerCompatibility workerCompatibility(ReferenceConfiguration.SeedFingerprint fingerprint, CadreKeyHasher hasher) {
        return new WorkerCompatibility(fingerprint.value() + "/" + hasher.cadreKey("ruralstat worker check"));
    }

    /** See {@link #workerCompatibility}: written by the manager into each partition, checked by the worker. */
    record WorkerCompatibility(String value) {
    }

    @Bean
    Step stageSubmissionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RuralstatProperties properties, SubmissionItemReader submissionItemReader,
                             StagingLineItemProcessor stagingLineItemProcessor,
                             StagingItemWriter stagingItemWriter, SubmissionLedger ledger, Warehouse warehouse,
                             StagingProgressListener stagingProgressListener, ThreadPoolTaskExecutor rowValidationExecutor,
                             @Value("${ruralstat.command:run}") String command,
                             WorkerCompatibility compatibility, CrashDrill drill) {
        StagingStepListener staged = command.equals(WORKER)
                ? new StagingStepListener(new WorkerHandOver(warehouse, new StagedRowsHandOver(ledger.stagingTables()),
                        compatibility.value(), properties.workers().exchange()), stagingItemWriter)
                : new StagingStepListener(ledger, stagingItemWriter);
        var step = new StepBuilder(STAGE_STEP, jobRepository)
                .<SourceRow, StagingLines>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(new ScopedTargetItemReader<>(submissionItemReader))
                .processor(stagingLineItemProcessor)
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
                                              SubmissionLedger ledger, RuralstatProperties properties,
                                              LayoutDetector detector) throws SQLException, IOException {
        // on a worker, the manager's copy in the exchange folder (the worker's own setting wins if it mounts it elsewhere)
        Path file = exchange == null ? ledger.file(submissionId, properties.input())
                : RemoteStaging.sourceFile(RemoteStaging.runFolder(exchange, properties.workers().exchange()), submissionId);
        return new SubmissionItemReader(file, submitterCode, detector);
    }

    @Bean
    StagingLineItemProcessor stagingLineItemProcessor(ReferenceData reference, RuleCatalog rules, CadreKeyHasher hasher,
                                                      Warehouse warehouse) {
        return new StagingLineItemProcessor(new RowValidationItemProcessor(reference, rules, hasher), warehouse);
    }

    @Bean
    @StepScope
    StagingItemWriter stagingItemWriter(@Value("#{stepExecutionContext['submissionId']}") Long submissionId,
                                        Warehouse warehouse, SubmissionItemReader submissionItemReader) {
        return new StagingItemWriter(warehouse, submissionId, submissionItemReader::hasEnded);
    }

    /**
     * The set rules of the staged submissions: groups of submissions, one partition each, as many at a time as
     * threads; each rule runs once over a group (docs/decisions.md).
     */
    @Bean
    Step checkStagedSubmissionsStep(JobRepository jobRepository, Step checkStagedSubmissionStep,
                                    RuralstatProperties properties, SubmissionLedger ledger, CrashDrill drill) {
        StepBuilder step = new StepBuilder("checkStagedSubmissionsStep", jobRepository);
        if (drill.isOn()) {
            step.listener(drill.onceStaged());
        }
        return partitioned(step, checkStagedSubmissionStep,
                SubmissionPartitioner.grouped(() -> ledger.inStatus(SubmissionStatus.STAGED, properties.input()),
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
            Warehouse warehouse, SubjectCatalog subjects, RuleCatalog rules) {
        return new CheckStagedSubmissionTasklet(warehouse, subjects, rules, SubmissionPartitioner.ids(submissionIds));
    }

    @Bean
    Step publishSubmissionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                Warehouse warehouse, SubjectCatalog subjects, SubmissionLedger ledger, CrashDrill drill,
                                RuralstatProperties properties) {
        return new StepBuilder("publishSubmissionsStep", jobRepository)
                .tasklet((contribution, context) -> {
                    var results = new SubmissionPublisher(warehouse, subjects, ledger, properties.publishBatch(),
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
                           SubmissionLedger ledger, Warehouse warehouse) {
        return partitioned(new StepBuilder("writeFeedbackStep", jobRepository), writeSubmissionFeedbackStep,
                SubmissionPartitioner.grouped(ledger::awaitingFeedback, SubmissionPartitioner.MAX_GROUP), "feedback-", properties)
                .listener(new ReceiptsIndexListener(warehouse, properties.receipts(), writeSubmissionFeedbackStep.getName()))
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
                                              Warehouse warehouse, RuralstatProperties properties, LayoutDetector detector) {
        return new WriteFeedbackTasklet(warehouse, properties.input(), new FeedbackWorkbookWriter(detector),
                properties.receipts(), SubmissionPartitioner.ids(submissionIds));
    }

    @Bean
    Step publishSnapshotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Warehouse warehouse, SubmissionLedger ledger, CrashDrill drill) {
        // the staging tables are the run's own, never the analysts'
        List<String> internal = new ArrayList<>(ledger.stagingTables());
        internal.add("etl_seed");
        return new StepBuilder("publishSnapshotStep", jobRepository)
                .tasklet((contribution, context) -> {
                    new SnapshotPublisher(warehouse, internal, () -> drill.reach(CrashDrill.SNAPSHOT)).publish();
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }
}
