package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.stage.StagingItemWriter;
import org.ruralstat.stage.StagingLines;
import org.ruralstat.subject.RepositorySubjects;
import org.ruralstat.validate.StagedRow;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission is marked staged only when every row it wrote is in the warehouse; when that cannot be done the step
 * fails (Spring Batch would only log an exception thrown after the step), so the run exits non-zero and the
 * submission stays received for the next run.
 */
class StagingStepListenerIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void rowsWrittenButNotLoadedFailTheStep() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp)) {
            new WarehouseSchema(warehouse, RepositorySubjects.all()).apply();
            StagingItemWriter writer = new StagingItemWriter(warehouse, 1, () -> false);
            writer.open(new ExecutionContext());
            writer.write(new Chunk<>(StagingLines.of(new StagedRow("stg_employment", "Sheet1", 2, List.of(), List.of(), List.of(), false),
                    warehouse)));
            writer.update(new ExecutionContext());
            assertThat(writer.isFullyLoaded()).isFalse();

            StepExecution step = completedStep();
            ExitStatus exit = new StagingStepListener(new SubmissionLedger(warehouse, RepositorySubjects.all()), writer)
                    .afterStep(step);

            assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
            assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(step.getFailureExceptions()).singleElement().asString().contains("stays received");
            writer.close();
        }
    }

    @Test
    void aLedgerThatCannotBeUpdatedFailsTheStep() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp)) {
            // no schema: marking the submission staged fails
            StagingItemWriter writer = new StagingItemWriter(warehouse, 1, () -> true);
            StepExecution step = completedStep();

            ExitStatus exit = new StagingStepListener(new SubmissionLedger(warehouse, RepositorySubjects.all()), writer)
                    .afterStep(step);

            assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
            assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
        }
    }

    @Test
    void aFullyLoadedSubmissionIsMarkedStaged() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp)) {
            new WarehouseSchema(warehouse, RepositorySubjects.all()).apply();
            try (var c = warehouse.connect(); var s = c.createStatement()) {
                s.execute("insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, "
                        + "received_at, status) values (1, '222402', 'a.csv', '222402/a.csv', 'x', now(), 'received')");
            }
            StagingItemWriter writer = new StagingItemWriter(warehouse, 1, () -> true);
            writer.open(new ExecutionContext());
            writer.write(new Chunk<>(StagingLines.of(new StagedRow("stg_employment", "Sheet1", 2, List.of(), List.of(), List.of(), false),
                    warehouse)));
            writer.update(new ExecutionContext());
            StepExecution step = completedStep();

            ExitStatus exit = new StagingStepListener(new SubmissionLedger(warehouse, RepositorySubjects.all()), writer)
                    .afterStep(step);
            writer.close();

            assertThat(exit.getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
            assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            try (var c = warehouse.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("select status || ':' || (select count(*) from stg_row where submission_id = 1) "
                         + "from etl_submission")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("staged:1");
            }
        }
    }

    private static StepExecution completedStep() {
        StepExecution step = MetaDataInstanceFactory.createStepExecution(new ExecutionContext(Map.of("submissionId", 1L)));
        step.setStatus(BatchStatus.COMPLETED);
        step.setExitStatus(ExitStatus.COMPLETED);
        return step;
    }
}
