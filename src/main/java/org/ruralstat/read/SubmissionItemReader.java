package org.ruralstat.read;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Reads one submitted file, every sheet in turn, and hands on its data rows with their layout; title,
 * header, total and footer rows stay behind. Whatever goes wrong with the file becomes a file-level
 * finding handed on like a row, so a bad file is rejected whole and never stops the run.
 */
public class SubmissionItemReader implements ItemStreamReader<SourceRow> {

    private static final Logger log = LoggerFactory.getLogger(SubmissionItemReader.class);

    private final Path file;
    private final String submitterCode;
    private final LayoutDetector detector;
    private final Deque<SourceRow> problems = new ArrayDeque<>();
    private final Deque<RawRow> pending = new ArrayDeque<>();
    private final List<LayoutDetector.Detection> unmatched = new ArrayList<>();

    private SpreadsheetFile spreadsheet;
    private SheetCursor cursor;
    private SheetLayout layout;
    private ReceiptSheet receipt;
    private String subject;
    private int rowsRead;
    private boolean done;
    private volatile boolean ended;

    public SubmissionItemReader(Path file, String submitterCode, LayoutDetector detector) {
        this.file = file;
        this.submitterCode = submitterCode;
        this.detector = detector;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            if (java.nio.file.Files.isSymbolicLink(file)) {
                // discovery never registers a link; this one replaced the file after it was registered
                throw new UnreadableFileException("FILE-020", Map.of(), "the file became a symbolic link", null);
            }
            if (!java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UnreadableFileException("FILE-021", Map.of(), "the file was gone when it was to be read", null);
            }
            spreadsheet = SpreadsheetFiles.open(file);
            context.putString("format", spreadsheet.format().code());
        } catch (UnreadableFileException e) {
            reject(e);
        } catch (IOException | RuntimeException e) {
            reject(Failures.classify(e));
        }
    }

    @Override
    public SourceRow read() {
        try {
            SourceRow row = nextItem();
            ended = row == null;
            return row;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            closeQuietly();
            reject(Failures.classify(e));
            return problems.poll();
        }
    }

    private SourceRow nextItem() throws IOException {
        while (true) {
            if (!problems.isEmpty()) {
                return problems.poll();
            }
            if (done) {
                return null;
            }
            if (receipt != null) {
                RawRow line = pending.isEmpty() ? cursor.next() : pending.poll();
                if (line == null) {
                    receipt = null;
                    finish();
                    continue;
                }
                RawRow justified = receipt.justified(line);
                if (justified != null) {
                    rowsRead++;
                    return SourceRow.justification(justified);
                }
                continue;
            }
            if (layout == null) {
                if (!advanceSheet() && !done) {
                    finish();
                }
                continue;
            }
            RawRow row = pending.isEmpty() ? cursor.next() : pending.poll();
            if (row == null || RowKinds.isFooter(row)) {
                layout = null;
                continue;
            }
            if (RowKinds.isTotal(row)) {
                return SourceRow.total(layout, row, RowKinds.isSubtotal(row));
            }
            rowsRead++;
            return SourceRow.of(layout, row);
        }
    }

    /** Moves to the next sheet with a layout of the file's subject; false when no sheet is left. */
    private boolean advanceSheet() throws IOException {
        while (true) {
            closeCursor();
            cursor = spreadsheet.nextSheet();
            if (cursor == null) {
                return false;
            }
            List<RawRow> head = new ArrayList<>();
            RawRow row;
            while (head.size() < LayoutDetector.HEAD_ROWS && (row = cursor.next()) != null) {
                head.add(row);
            }
            if (head.isEmpty()) {
                continue;
            }
            Optional<ReceiptSheet> returned = subject == null ? ReceiptSheet.recognize(cursor.sheetName(), head) : Optional.empty();
            if (returned.isPresent()) {
                // a 回执 sent back with 说明 filled in: its 问题清单 is read, its other sheets are not
                receipt = returned.get();
                subject = ReceiptSheet.SUBJECT;
                pending.clear();
                pending.addAll(head);
                return true;
            }
            LayoutDetector.Detection detection = detector.detect(head, cursor.sheetName(), file.getFileName().toString(),
                    submitterCode, spreadsheet.date1904());
            if (!detection.isFound()) {
                unmatched.add(detection);
                continue;
            }
            SheetLayout found = detection.layout();
            if (subject != null && !subject.equals(found.subject().name())) {
                problems.add(SourceRow.problem(new FileProblem("FILE-014", Location.sheet(cursor.sheetName()),
                        Map.of("sheet", cursor.sheetName(), "subject", nameZh(found), "subject_en", found.subject().nameEn()))));
                continue;
            }
            if (found.period() == null && found.columnOf(found.subject().periodField()).isEmpty()
                    && !found.everyValueHasItsYear()) {
                reject(new UnreadableFileException("FILE-012", "no period"), cursor.sheetName());
                return false;
            }
            reportUnbound(found);
            problems.add(SourceRow.layout(found));
            subject = found.subject().name();
            layout = found;
            pending.clear();
            pending.addAll(head.subList(detection.firstDataIndex(), head.size()));
            return true;
        }
    }

    /** One warning per header cell that binds to nothing: its values are not loaded, and the bureau is told why. */
    private void reportUnbound(SheetLayout found) {
        for (UnboundColumn column : found.unbound()) {
            String rule = switch (column.kind()) {
                case PREVIOUS_YEAR -> "FILE-018";
                case DERIVED -> "FILE-017";
                case VALUE -> column.other() == null ? "FILE-016" : "FILE-019";
            };
            String cell = CellReferences.columnLetters(column.column()) + found.lastHeaderRow();
            String header = org.ruralstat.text.PersonalDataMasker.scrub(column.header());
            problems.add(SourceRow.problem(new FileProblem(rule, new Location(found.sheetName(), null, header, cell, header),
                    Map.of("subject", nameZh(found), "subject_en", found.subject().nameEn(),
                            "other", column.other() == null ? "" : column.other().nameZh(),
                            "other_en", column.other() == null ? "" : column.other().nameEn()))));
        }
    }

    private void finish() {
        done = true;
        if (subject != null) {
            if (rowsRead == 0) {
                problems.add(SourceRow.problem(new FileProblem("FILE-013", Location.FILE, Map.of())));
            }
            return;
        }
        LayoutDetector.Detection closest = unmatched.stream().filter(d -> d.lookedLike() != null).findFirst()
                .orElse(unmatched.isEmpty() ? null : unmatched.get(0));
        List<String> headers = closest == null ? List.of() : closest.headers();
        if (closest != null && closest.lookedLike() != null) {
            problems.add(SourceRow.problem(new FileProblem("FILE-011", Location.FILE, Map.of(
                    "subject", closest.lookedLike().nameZh(), "subject_en", closest.lookedLike().nameEn(),
                    "missing", String.join("、", closest.missing()), "headers", String.join("、", headers)))));
        } else {
            problems.add(SourceRow.problem(new FileProblem("FILE-010", Location.FILE,
                    Map.of("headers", headers.isEmpty() ? "（无）" : String.join("、", headers)))));
        }
    }

    private void reject(UnreadableFileException e) {
        reject(e, null);
    }

    private void reject(UnreadableFileException e, String sheet) {
        log.warn("Rejecting {}: {}", org.ruralstat.text.PersonalDataMasker.forLog(file.getFileName().toString()),
                org.ruralstat.text.PersonalDataMasker.forLog(e.getMessage()));
        done = true;
        layout = null;
        problems.clear();
        problems.add(SourceRow.problem(new FileProblem(e.rule(), sheet == null ? Location.FILE : Location.sheet(sheet), e.params())));
    }

    private static String nameZh(SheetLayout layout) {
        return layout.subject().nameZh();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt("rows.read", rowsRead);
        if (subject != null) {
            context.putString("subject", subject);
        }
    }

    public Path file() {
        return file;
    }

    /** True once {@link #read()} has returned null: the file has given every row it has. */
    public boolean hasEnded() {
        return ended;
    }

    /** Source rows read so far (data, total and problem rows). */
    public int rowsRead() {
        return rowsRead;
    }

    /** Share of the file read so far, for progress lines. */
    public double progress() {
        return spreadsheet == null ? -1 : spreadsheet.progress();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeCursor() throws IOException {
        if (cursor != null) {
            SheetCursor closing = cursor;
            cursor = null;
            closing.close();
        }
    }

    private void closeQuietly() {
        try {
            closeCursor();
        } catch (IOException | RuntimeException e) {
            log.debug("closing sheet of {}", file.getFileName(), e);
        }
        try {
            if (spreadsheet != null) {
                spreadsheet.close();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing {}", file.getFileName(), e);
        }
        spreadsheet = null;
    }
}
