package org.ruralstat.discover;

import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.warehouse.LedgerIntake;
import org.ruralstat.warehouse.RunFileOutcome;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Registers each file of the drop folder in the ledger by its SHA-256: new content becomes a submission,
 * content already loaded from the same path is noted and left alone, the same content under another name
 * is a duplicate that changes nothing. A file that has not settled (modified within the quiet period, or
 * changing while it is hashed) is recorded as {@code not_ready} and left for the next run.
 */
public class DiscoverSubmissionsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DiscoverSubmissionsTasklet.class);

    private final Path input;
    private final SubmissionLedger ledger;
    private final FileReadiness readiness;
    private final java.util.function.Predicate<String> knownSubmitter;

    public DiscoverSubmissionsTasklet(Path input, SubmissionLedger ledger, FileReadiness readiness) {
        this(input, ledger, readiness, code -> true);
    }

    /** With the submitter codes the reference data knows: a folder such as 999999 or 990000 submits nothing. */
    public DiscoverSubmissionsTasklet(Path input, SubmissionLedger ledger, FileReadiness readiness,
                                      java.util.function.Predicate<String> knownSubmitter) {
        this.input = input;
        this.ledger = ledger;
        this.readiness = readiness;
        this.knownSubmitter = knownSubmitter;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String runId = chunkContext.getStepContext().getJobParameters().get("run.id").toString();
        try (LedgerIntake intake = ledger.intake(runId)) {
            Counts counts = discover(intake, contribution);
            intake.finish();
            log.info("Discovered {} new file(s), {} already known, {} duplicate(s), {} not ready, {} entries skipped under {}",
                    counts.fresh, counts.known, counts.duplicates, counts.notReady, counts.skipped, input);
        }
        return RepeatStatus.FINISHED;
    }

    private static final class Counts {
        int fresh;
        int known;
        int duplicates;
        int notReady;
        int skipped;
    }

    private Counts discover(LedgerIntake intake, StepContribution contribution) throws java.io.IOException, java.sql.SQLException {
        Counts counts = new Counts();
        DropFolderScanner.Scan scan = DropFolderScanner.scanAll(input);
        for (DropFolderScanner.Skipped entry : scan.skipped()) {
            intake.recordSeen(entry.relativePath(), null, entry.reason(), null);
            counts.skipped++;
        }
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        for (DiscoveredFile file : scan.files()) {
            if (!knownSubmitter.test(file.submitterCode())) {
                if (unknown.add(file.submitterCode())) {
                    log.warn("Ignoring folder {}: no province, prefecture or county has that code", file.submitterCode());
                }
                intake.recordSeen(file.relativePath(), null, RunFileOutcome.SKIPPED_UNKNOWN_SUBMITTER, null);
                counts.skipped++;
                continue;
            }
            if (!readiness.isSettled(file)) {
                counts.notReady += leaveForNextRun(intake, file, "modified less than " + readiness.quietPeriod().toSeconds() + " s ago");
                continue;
            }
            String sha256 = DropFolderScanner.sha256(file.path());
            if (file.changedSinceScan()) {
                counts.notReady += leaveForNextRun(intake, file, "changed while it was being read");
                continue;
            }
            Optional<LedgerIntake.Known> same = intake.findByPathAndHash(file.relativePath(), sha256);
            if (same.isPresent()) {
                boolean pending = same.get().status().equals(SubmissionStatus.RECEIVED.code())
                        || same.get().status().equals(SubmissionStatus.STAGED.code());
                intake.recordSeen(file.relativePath(), sha256, pending ? RunFileOutcome.RESUMED : RunFileOutcome.ALREADY_LOADED, same.get().submissionId());
                counts.known++;
                continue;
            }
            Optional<LedgerIntake.Known> original = intake.findOriginalByHash(sha256);
            String fileName = file.path().getFileName().toString();
            if (original.isPresent()) {
                long id = intake.register(file.submitterCode(), file.relativePath(), fileName, sha256, file.bytes(),
                        SubmissionStatus.DUPLICATE, "与报送 " + original.get().submissionId() + " 内容完全相同，未重复入库",
                        original.get().submissionId());
                intake.recordSeen(file.relativePath(), sha256, RunFileOutcome.DUPLICATE, id);
                counts.duplicates++;
                continue;
            }
            long id = intake.register(file.submitterCode(), file.relativePath(), fileName, sha256, file.bytes(),
                    SubmissionStatus.RECEIVED, null, null);
            intake.recordSeen(file.relativePath(), sha256, RunFileOutcome.NEW, id);
            contribution.incrementReadCount();
            counts.fresh++;
        }
        return counts;
    }

    private static int leaveForNextRun(LedgerIntake intake, DiscoveredFile file, String why) throws java.sql.SQLException {
        log.info("Leaving {} for the next run: {}", PersonalDataMasker.forLog(file.relativePath()), why);
        intake.recordSeen(file.relativePath(), null, RunFileOutcome.NOT_READY, null);
        return 1;
    }
}
