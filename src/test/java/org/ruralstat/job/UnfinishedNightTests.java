package org.ruralstat.job;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.LocalDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which night the next run restarts, read from a real JDBC job repository (an in-memory H2 database with Spring
 * Batch's own schema): the newest night of this warehouse when it failed or stopped, at most three executions a night.
 */
class UnfinishedNightTests {

    private static final String OURS = "/srv/ruralstat/warehouse";
    private static final String THEIRS = "/srv/other/warehouse";

    private JobRepository repository;
    private int nights;

    @BeforeEach
    void repository() throws Exception {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:unfinished-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql")).execute(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new DataSourceTransactionManager(dataSource));
        factory.afterPropertiesSet();
        repository = factory.getObject();
    }

    @Test
    void noNightYetMeansANewOne() {
        assertThat(UnfinishedNight.of(repository, OURS)).isEmpty();
    }

    @Test
    void aCompletedNightIsNotRestarted() {
        night(OURS, BatchStatus.COMPLETED);
        assertThat(UnfinishedNight.of(repository, OURS)).isEmpty();
    }

    @Test
    void aFailedOrStoppedNightIsRestartedFromItsLastExecution() {
        JobExecution failed = night(OURS, BatchStatus.FAILED);
        assertThat(UnfinishedNight.of(repository, OURS)).map(JobExecution::getId).contains(failed.getId());

        JobExecution stopped = night(OURS, BatchStatus.STOPPED);
        Optional<JobExecution> restart = UnfinishedNight.of(repository, OURS);
        assertThat(restart).map(JobExecution::getId).contains(stopped.getId());
        assertThat(restart.get().getJobParameters().getString("run.id")).isEqualTo(stopped.getJobParameters().getString("run.id"));
    }

    @Test
    void onlyTheNewestNightCounts() {
        night(OURS, BatchStatus.FAILED);
        night(OURS, BatchStatus.COMPLETED);
        assertThat(UnfinishedNight.of(repository, OURS)).as("an older failed night was settled by a later one").isEmpty();
    }

    @Test
    void anotherWarehouseSharingTheRepositoryIsLeftToItsOwnRuns() {
        JobExecution ours = night(OURS, BatchStatus.FAILED);
        night(THEIRS, BatchStatus.COMPLETED);
        night(THEIRS, BatchStatus.FAILED);
        assertThat(UnfinishedNight.of(repository, OURS)).map(JobExecution::getId).contains(ours.getId());

        night(OURS, BatchStatus.COMPLETED);
        assertThat(UnfinishedNight.of(repository, OURS)).isEmpty();
        assertThat(UnfinishedNight.of(repository, THEIRS)).isPresent();
    }

    @Test
    void aNightThatKeepsFailingIsLeftAfterThreeExecutions() {
        JobExecution first = night(OURS, BatchStatus.FAILED);
        JobExecution second = again(first, BatchStatus.FAILED);
        assertThat(UnfinishedNight.of(repository, OURS)).map(JobExecution::getId).contains(second.getId());
        again(second, BatchStatus.FAILED);
        assertThat(UnfinishedNight.MAX_EXECUTIONS).isEqualTo(3);
        assertThat(UnfinishedNight.of(repository, OURS)).as("three executions: the next run starts a new night").isEmpty();
    }

    private JobExecution night(String warehouse, BatchStatus status) {
        JobParameters parameters = new JobParametersBuilder()
                .addString("run.id", "20261206T0100" + String.format("%02d", nights++) + ".000")
                .addString("warehouse", warehouse, false)
                .toJobParameters();
        JobInstance instance = repository.createJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
        return end(repository.createJobExecution(instance, parameters, new ExecutionContext()), status);
    }

    private JobExecution again(JobExecution previous, BatchStatus status) {
        return end(repository.createJobExecution(previous.getJobInstance(), previous.getJobParameters(), new ExecutionContext()),
                status);
    }

    private JobExecution end(JobExecution execution, BatchStatus status) {
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(status);
        execution.setEndTime(LocalDateTime.now());
        repository.update(execution);
        return execution;
    }
}
