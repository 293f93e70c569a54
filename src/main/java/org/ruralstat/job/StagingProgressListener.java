package org.ruralstat.job;

import org.ruralstat.read.SubmissionItemReader;
import org.ruralstat.report.RunProgress;
import org.ruralstat.text.PersonalDataMasker;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Path;

/**
 * Registers one file's staging with {@link RunProgress} (which asks the reader how far it is), and is where a
 * crash drill can hold a run in the middle of reading a file (after a chunk is written).
 */
class StagingProgressListener implements StepExecutionListener {

    private final RunProgress progress;
    private final SubmissionItemReader reader;
    private long key;

    StagingProgressListener(RunProgress progress, SubmissionItemReader reader) {
        this.progress = progress;
        this.reader = reader;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        key = stepExecution.getId();
        // The progress thread asks the reader between chunks, outside the step scope its proxy needs: ask the target.
        SubmissionItemReader target = reader instanceof ScopedObject scoped ? (SubmissionItemReader) scoped.getTargetObject() : reader;
        progress.fileStarted(key, shownName(target.file()), target::rowsRead, target::progress);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        progress.fileFinished(key, reader.rowsRead(), stepExecution.getStatus().toString().toLowerCase(java.util.Locale.ROOT));
        return stepExecution.getExitStatus();
    }

    /** Folder and file name; a bureau may name a file after a person, so ID and phone numbers are masked like cell values. */
    private static String shownName(Path file) {
        Path folder = file.getParent();
        return PersonalDataMasker.scrub(
                (folder == null || folder.getFileName() == null ? "" : folder.getFileName() + "/") + file.getFileName());
    }
}
