package org.ruralstat.warehouse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.publish.IncomeVersions;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery's writes on one connection: a file's registration and the run's record of it are committed together,
 * every {@value LedgerIntake#FILES_PER_COMMIT} files and at the end; what was not committed is gone, never half
 * there; a restarted run keeps its first attempt's record of a file. On a real DuckDB file with the repository's schema.
 */
class LedgerIntakeIntegrationTests {

    @TempDir
    Path temp;

    private Warehouse warehouse;
    private SubmissionLedger ledger;

    @BeforeEach
    void warehouse() throws Exception {
        warehouse = new Warehouse(temp);
        var subjects = IncomeVersions.subjects();
        new WarehouseSchema(warehouse, subjects.all()).apply();
        ledger = new SubmissionLedger(warehouse, subjects.all());
    }

    @Test
    void filesAreCommittedInWholeBatchesAndTheRestAtTheEnd() throws Exception {
        int files = LedgerIntake.FILES_PER_COMMIT + 3;
        try (LedgerIntake intake = ledger.intake("run-1")) {
            for (int i = 0; i < files; i++) {
                newFile(intake, "222424/" + i + ".xlsx", "hash-" + i);
            }
            // killed here: no finish
        }
        assertThat(count("select count(*) from etl_submission")).as("the committed batch").isEqualTo(LedgerIntake.FILES_PER_COMMIT);
        assertThat(count("select count(*) from etl_run_file")).isEqualTo(LedgerIntake.FILES_PER_COMMIT);
        assertThat(count("select count(*) from etl_submission as s where not exists "
                + "(select 1 from etl_run_file as f where f.submission_id = s.submission_id)")).as("registered, not recorded").isZero();

        try (LedgerIntake intake = ledger.intake("run-2")) {
            for (int i = 0; i < files; i++) {
                String path = "222424/" + i + ".xlsx";
                if (intake.findByPathAndHash(path, "hash-" + i).isPresent()) {
                    intake.recordSeen(path, "hash-" + i, RunFileOutcome.ALREADY_LOADED, null);
                } else {
                    newFile(intake, path, "hash-" + i);
                }
            }
            intake.finish();
        }
        assertThat(count("select count(*) from etl_submission")).isEqualTo(files);
        assertThat(count("select count(*) from etl_run_file where run_id = 'run-2' and outcome = 'new'")).isEqualTo(3);
    }

    @Test
    void theSameContentUnderAnotherNameIsADuplicateOfTheFirst() throws Exception {
        try (LedgerIntake intake = ledger.intake("run-1")) {
            long first = newFile(intake, "222424/a.xlsx", "same");
            assertThat(intake.findOriginalByHash("same")).map(LedgerIntake.Known::submissionId).contains(first);
            assertThat(intake.findByPathAndHash("222424/b.xlsx", "same")).isEmpty();
            long second = intake.register("222424", "222424/b.xlsx", "b.xlsx", "same", 10, SubmissionStatus.DUPLICATE,
                    "duplicate", first);
            intake.recordSeen("222424/b.xlsx", "same", RunFileOutcome.DUPLICATE, second);
            intake.finish();
            assertThat(second).isGreaterThan(first);
        }
        assertThat(count("select count(*) from etl_submission where status = 'duplicate'")).isEqualTo(1);
    }

    @Test
    void aRestartedRunKeepsItsFirstRecordOfAFileAndReplacesAnUnfinishedOne() throws Exception {
        long id;
        try (LedgerIntake intake = ledger.intake("night")) {
            id = newFile(intake, "222424/a.xlsx", "a1");
            intake.recordSeen("222424/b.xlsx", null, RunFileOutcome.NOT_READY, null);
            intake.finish();
        }
        try (LedgerIntake intake = ledger.intake("night")) {
            intake.recordSeen("222424/a.xlsx", "a1", RunFileOutcome.RESUMED, id);
            long b = newFile(intake, "222424/b.xlsx", "b1");
            intake.finish();
            assertThat(b).isGreaterThan(id);
        }
        assertThat(rows("select file_path || ' ' || outcome from etl_run_file order by file_path"))
                .containsExactly("222424/a.xlsx new", "222424/b.xlsx new");
    }

    private static long newFile(LedgerIntake intake, String path, String sha256) throws Exception {
        long id = intake.register("222424", path, path.substring(path.indexOf('/') + 1), sha256, 10,
                SubmissionStatus.RECEIVED, null, null);
        intake.recordSeen(path, sha256, RunFileOutcome.NEW, id);
        return id;
    }

    private long count(String sql) throws Exception {
        try (Connection c = warehouse.connect()) {
            return Sql.number(c, sql);
        }
    }

    private List<String> rows(String sql) throws Exception {
        try (Connection c = warehouse.connect()) {
            return Sql.strings(c, sql);
        }
    }
}
