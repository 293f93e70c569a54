package org.ruralstat.job;

import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.warehouse.WarehouseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.concurrent.CountDownLatch;

/**
 * {@code worker}: stages files' partitions that a manager ({@code run} or {@code serve} with
 * {@code ruralstat.workers.broker}) sends over RabbitMQ, with Spring Batch's remote partitioning: each request names a
 * step execution of the job repository both share, which this process runs ({@link StepExecutionRequestHandler}).
 * It reads, normalises and validates the file exactly as the manager would, stages it into a DuckDB file of its own
 * and hands the rows back through the exchange folder; it never opens the manager's warehouse. It takes as many
 * partitions at a time as {@code ruralstat.threads}, runs until stopped (SIGTERM finishes the partitions in hand), and
 * a partition it was working on when it died goes to another worker.
 */
@Component
public class WorkerCommand {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    private final JobRepository jobRepository;
    private final ApplicationContext context;
    private final RuralstatProperties properties;
    private final GracefulShutdown shutdown;
    private final DataSource dataSource;
    private final Workspaces workspaces;
    private final SubjectCatalog subjects;

    WorkerCommand(JobRepository jobRepository, ApplicationContext context, RuralstatProperties properties,
                  GracefulShutdown shutdown, DataSource dataSource, Workspaces workspaces, SubjectCatalog subjects) {
        this.jobRepository = jobRepository;
        this.context = context;
        this.properties = properties;
        this.shutdown = shutdown;
        this.dataSource = dataSource;
        this.workspaces = workspaces;
        this.subjects = subjects;
    }

    public int work() throws Exception {
        if (!properties.workers().enabled()) {
            System.err.println("ruralstat: worker needs the broker the manager uses: --ruralstat.workers.broker=amqp://… "
                    + "or RURALSTAT_WORKERS_BROKER");
            return ExitCodes.USAGE;
        }
        if (!RepositoryDatabase.isPostgres(dataSource)) {
            System.err.println("ruralstat: worker needs the job repository the manager uses (PostgreSQL): set "
                    + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
            return ExitCodes.USAGE;
        }
        // the worker's own warehouse (its scratch folder): the partitions' files come through the exchange folder
        Workspace own = workspaces.open(RunFolders.of(properties));
        try (PartitionQueue queue = new PartitionQueue(properties.workers())) {
            new WarehouseSchema(own.warehouse(), subjects.all()).apply();
            StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
            handler.setJobRepository(jobRepository);
            handler.setStepLocator(name -> context.getBean(name, Step.class));
            CountDownLatch stop = new CountDownLatch(1);
            queue.declare();
            SimpleMessageListenerContainer container = queue.listen(properties.threads(), request -> handle(handler, request));
            container.setShutdownTimeout(properties.shutdownTimeout().toMillis());
            shutdown.onRequest(() -> {
                container.stop();
                stop.countDown();
            });
            System.out.println("ruralstat worker: taking partitions from queue " + queue.name() + ", "
                    + properties.threads() + " at a time");
            System.out.flush();
            stop.await();
            container.stop();
        } finally {
            workspaces.close(own);
        }
        log.info("Worker stopped");
        return ExitCodes.OK;
    }

    /** Runs a request's partition, unless its run has ended (a manager that died) or it is already done. */
    private void handle(StepExecutionRequestHandler handler, StepExecutionRequest request) {
        if (!IngestJobConfiguration.STAGE_STEP.equals(request.getStepName())) {
            log.warn("Ignoring a request for step {}: a worker stages files only", request.getStepName());
            return;
        }
        StepExecution execution = jobRepository.getStepExecution(request.getStepExecutionId());
        // completed without its hand-over: its worker died between the two (the status is saved first), run it again
        if (execution == null || !execution.getJobExecution().isRunning()
                || execution.getStatus() == BatchStatus.COMPLETED && RemoteStaging.handedOver(execution)) {
            log.warn("Skipping partition {} ({}): its run has ended or it is done",
                    execution == null ? request.getStepName() : execution.getStepName(), request.getStepExecutionId());
            return;
        }
        log.info("Partition {} ({}): started", execution.getStepName(), execution.getId());
        long started = System.nanoTime();
        StepExecution result = handler.handle(request);
        log.info("Partition {} ({}): {} in {} ms", result.getStepName(), result.getId(), result.getStatus(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
