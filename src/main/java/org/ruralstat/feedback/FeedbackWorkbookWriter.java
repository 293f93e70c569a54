package org.ruralstat.feedback;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ruralstat.read.CellValue;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.RawRow;
import org.ruralstat.read.ReceiptSheet;
import org.ruralstat.read.SheetCursor;
import org.ruralstat.read.SpreadsheetFile;
import org.ruralstat.read.SpreadsheetFiles;
import org.ruralstat.subject.FieldType;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.validate.Finding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Writes the feedback workbook a bureau gets for each file: a 回执 summary, a 问题清单 with one line per finding,
 * and a copy of each data sheet with the offending cells highlighted and commented. Personal numbers are
 * masked in the copies, and every value is written as text, so nothing in it can run as a formula.
 */
public final class FeedbackWorkbookWriter {

    /**
     * Returns of more rows than this get copies holding only their head (title and header) and the rows with
     * findings, at their own row numbers: a bureau fixing 40 cells of a 5,000-row return wants those rows side by
     * side, not a second copy of the return to scroll through (and a workbook that opens at once).
     */
    static final int FULL_COPY_ROWS = 1_000;
    /**
     * Rows copied from one sheet at most: a return wrong on every row (say, filed under another county's folder)
     * is explained by the 问题清单 and its first rows, and the rest of it is not read again.
     */
    static final int MAX_COPIED_ROWS = 10_000;
    private static final int MAX_FINDINGS_LISTED = 100_000;
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]{1,10}(\\.[0-9]{1,6})?");
    private static final java.util.regex.Pattern SPACES_AND_DASHES = java.util.regex.Pattern.compile("[\\s-]");

    private final LayoutDetector detector;

    public FeedbackWorkbookWriter(LayoutDetector detector) {
        this.detector = detector;
    }

    /**
     * Writes the workbook from one pass over the findings: the 问题清单 as they come, the cells they point at kept
     * compactly for the copies of the sheets.
     */
    public void write(SubmissionReceipt receipt, SubmissionFindings findings, Path sourceFile, Path target) throws Exception {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            // plain ZIP entries: some readers (and older WPS builds) mishandle Zip64 extra fields
            workbook.setZip64Mode(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
            Styles styles = Styles.of(workbook);
            Sheet summary = workbook.createSheet("回执");
            Listing listing = new Listing(workbook.createSheet("问题清单"), styles);
            findings.forEach(listing::add);
            listing.finish();
            boolean copied = listing.anyRow && Files.isReadable(sourceFile);
            String subject = receipt.subject() == null ? "未识别 not recognised"
                    : ReceiptSheet.SUBJECT.equals(receipt.subject()) ? "回执说明 justifications sent back"
                    : detector.subject(receipt.subject()).map(s -> s.nameZh() + " " + s.nameEn()).orElse(receipt.subject());
            summary(summary, receipt, subject, copied, listing.count, styles);
            if (listing.anyRow && Files.isReadable(sourceFile)) {
                copySheets(workbook, receipt, listing.marks, sourceFile, styles);
            }
            try (OutputStream out = Files.newOutputStream(temporary)) {
                workbook.write(out);
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void summary(Sheet sheet, SubmissionReceipt r, String subject, boolean copied, long findings,
                                Styles styles) {
        String[][] lines = {
                {"文件 File", PersonalDataMasker.scrub(r.fileName())},
                {"报送单位 Submitter", r.submitterCode()},
                {"收到时间 Received", r.receivedAt() == null ? "" : r.receivedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))},
                {"报表类型 Subject", subject},
                {"报告期 Period", r.period() == null ? "" : r.period()},
                {"读取行数 Rows read", Integer.toString(r.rowsRead())},
                {"入库行数 Rows loaded", Integer.toString(r.rowsLoaded())},
                {"拒收行数 Rows rejected", Integer.toString(r.rowsRejected())},
                {"警告行数 Rows with warnings", Integer.toString(r.rowsWarned())},
                {"状态 Status", r.statusZh() + " (" + r.status() + ")"},
                {"说明 Reason", r.statusReason() == null ? "" : r.statusReason()},
                {"替换 Replaced", r.replaced() == null ? "无 none"
                        : "本报送替换了" + PersonalDataMasker.scrub(r.replaced()) + " it replaced these earlier values"},
                {"问题数 Findings", Long.toString(findings)},
                {"下一步 What to do next", r.nextStepZh()},
                {"原表副本 Copy of the return", !copied ? "没有需标出的单元格，未附原表副本 no cell to mark: no copy"
                        : r.rowsRead() <= FULL_COPY_ROWS
                        ? "全部行，问题单元格已标色 all rows, cells with problems highlighted"
                        : "超过 " + FULL_COPY_ROWS + " 行，只复制表头和有问题的行（行号与原表一致） over " + FULL_COPY_ROWS
                        + " rows: only the head and the rows with problems, at their own row numbers"},
        };
        int i = 0;
        for (String[] line : lines) {
            Row row = sheet.createRow(i++);
            text(styles, row, 0, line[0], styles.header);
            text(styles, row, 1, line[1], null);
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 90 * 256);
    }

    /**
     * The header of the 问题清单 column that shows a warning's justification; a bureau may fill it in for a warning
     * and send it back with the corrected return (docs/bureaus.md).
     */
    static final String JUSTIFICATION_HEADER = "说明 Justification（警告经核实无误的，填写原因）";

    /** The 问题清单, one line per finding as they come, and the cells they point at, sheet by sheet. */
    private static final class Listing {
        private final Sheet sheet;
        private final Styles styles;
        private final Map<String, CellMarks> marks = new HashMap<>();
        private final CellMarks.CommentBudget budget = new CellMarks.CommentBudget();
        private long count;
        private boolean anyRow;

        Listing(Sheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
            String[] headers = {"位置 Cell", "工作表 Sheet", "行 Row", "列 Column", "值 Value", "规则 Rule", "级别 Severity",
                    "问题 Problem", "Message", JUSTIFICATION_HEADER};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                text(styles, header, c, headers[c], styles.header);
            }
        }

        void add(Finding f) {
            count++;
            if (f.rowNumber() != null) {
                anyRow = true;
                if (f.sheet() != null) {
                    marks.computeIfAbsent(f.sheet(), k -> new CellMarks(budget)).add(f);
                }
            }
            if (count > MAX_FINDINGS_LISTED) {
                return;
            }
            Row row = sheet.createRow((int) count);
            CellStyle style = f.isError() ? styles.error : styles.warning;
            text(styles, row, 0, f.sheet() == null ? "整个文件" : f.cellRef() == null ? f.sheet() : f.sheet() + "!" + f.cellRef(), style);
            text(styles, row, 1, f.sheet(), null);
            text(styles, row, 2, f.rowNumber() == null ? "" : f.rowNumber().toString(), null);
            text(styles, row, 3, f.column(), null);
            text(styles, row, 4, f.rawValue(), null);
            text(styles, row, 5, f.rule(), null);
            text(styles, row, 6, f.isError() ? "错误 error" : f.justification() != null ? "警告（已说明） justified"
                    : "警告 warning", style);
            text(styles, row, 7, f.messageZh(), null);
            text(styles, row, 8, f.messageEn(), null);
            text(styles, row, 9, f.justification(), null);
        }

        void finish() {
            if (count > MAX_FINDINGS_LISTED) {
                text(styles, sheet.createRow(MAX_FINDINGS_LISTED + 1), 0, "……另有 " + (count - MAX_FINDINGS_LISTED) + " 个问题未列出", null);
            }
            int[] widths = {14, 12, 6, 16, 20, 10, 12, 60, 60, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
        }
    }

    private void copySheets(SXSSFWorkbook workbook, SubmissionReceipt receipt, Map<String, CellMarks> marks, Path source,
                            Styles styles) {
        try (SpreadsheetFile file = SpreadsheetFiles.open(source)) {
            SheetCursor cursor;
            while ((cursor = file.nextSheet()) != null) {
                try (SheetCursor sheetCursor = cursor) {
                    CellMarks cells = marks.get(sheetCursor.sheetName());
                    if (cells != null) {
                        copySheet(workbook, sheetCursor, cells, receipt, styles);
                    }
                }
            }
        } catch (Exception e) {
            Sheet note = workbook.createSheet("原表副本");
            text(styles, note.createRow(0), 0, "原表副本无法生成：" + PersonalDataMasker.scrub(String.valueOf(e.getMessage())), null);
        }
    }

    private void copySheet(SXSSFWorkbook workbook, SheetCursor cursor, CellMarks cells, SubmissionReceipt receipt,
                           Styles styles) throws IOException {
        Sheet sheet = workbook.createSheet(safeSheetName(workbook, "原表-" + cursor.sheetName()));
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        List<RawRow> head = new ArrayList<>();
        Set<Integer> personal = new HashSet<>();
        boolean whole = receipt.rowsRead() <= FULL_COPY_ROWS;
        // past the head, a copy of only the rows with findings skips the others unread and stops after the last of them
        IntPredicate wanted = whole ? number -> true : cells::hasRow;
        int lastMarked = cells.lastRow();
        int lastSeen = 0;
        int copied = 0;
        boolean headDone = false;
        while (!headDone || whole || lastSeen < lastMarked) {
            RawRow row = headDone ? cursor.next(wanted) : cursor.next();
            if (row == null) {
                break;
            }
            lastSeen = row.rowNumber();
            if (!headDone) {
                head.add(row);
                if (head.size() < LayoutDetector.HEAD_ROWS) {
                    continue;
                }
                personal = personalColumns(head, cursor.sheetName(), receipt);
                headDone = true;
                for (RawRow buffered : head) {
                    copied += copyRow(sheet, drawing, buffered, cells, personal, true, styles);
                }
                continue;
            }
            if (copied >= MAX_COPIED_ROWS) {
                if (row.rowNumber() <= 1_048_576) {
                    text(styles, sheet.createRow(row.rowNumber() - 1), 0, "……副本已有 " + MAX_COPIED_ROWS + " 行，以下各行未再复制，"
                            + "其问题见“问题清单” (the copy stops here; the 问题清单 lists the problems below)", null);
                }
                break;
            }
            copied += copyRow(sheet, drawing, row, cells, personal, whole && copied < FULL_COPY_ROWS, styles);
        }
        if (!headDone) {
            personal = personalColumns(head, cursor.sheetName(), receipt);
            for (RawRow buffered : head) {
                copied += copyRow(sheet, drawing, buffered, cells, personal, true, styles);
            }
        }
    }

    /** Copies the row if {@code always} or if it has findings; returns how many rows it copied. */
    private int copyRow(Sheet sheet, Drawing<?> drawing, RawRow source, CellMarks cells, Set<Integer> personal, boolean always,
                        Styles styles) {
        int number = source.rowNumber();
        if (!always && !cells.hasRow(number) || number > 1_048_576) {
            return 0;
        }
        Row row = sheet.createRow(number - 1);
        int width = Math.max(source.cells().size(), cells.width(number));
        for (int c = 0; c < width; c++) {
            CellValue value = source.cell(c);
            String shown = personal.contains(c) ? maskPersonal(value.text()) : PersonalDataMasker.scrub(value.text());
            Boolean error = cells.error(number, c);
            if (error == null && shown.isEmpty()) {
                continue;
            }
            CellStyle style = error == null ? null : error ? styles.error : styles.warning;
            Cell cell = isPlainNumber(value, shown) ? number(row, c, shown, style) : text(styles, row, c, shown, style);
            String comment = error == null ? null : cells.comment(number, c);
            if (comment != null) {
                comment(drawing, cell, comment);
            }
        }
        return 1;
    }

    /**
     * A number cell of the return that is a plain quantity (`1`, `40`, `26.5`, never a 12-digit code, which a
     * spreadsheet would show as 2.22402E+11) goes back as a number, as the bureau typed it, not as the text "1.0".
     */
    private static boolean isPlainNumber(CellValue value, String shown) {
        return value.kind() == CellValue.Kind.NUMBER && PLAIN_NUMBER.matcher(shown).matches();
    }

    private static Cell number(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(new java.math.BigDecimal(text).doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    private static String maskPersonal(String text) {
        String digits = SPACES_AND_DASHES.matcher(text).replaceAll("");
        return digits.length() == 11 && digits.startsWith("1") ? PersonalDataMasker.maskPhone(text)
                : PersonalDataMasker.maskIdNumber(text);
    }

    private Set<Integer> personalColumns(List<RawRow> head, String sheetName, SubmissionReceipt receipt) {
        LayoutDetector.Detection detection = detector.detect(head, sheetName, receipt.fileName(), receipt.submitterCode(), false);
        if (!detection.isFound()) {
            return Set.of();
        }
        return detection.layout().columns().entrySet().stream()
                .filter(e -> !e.getValue().isIndicator() && isPersonalNumber(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static boolean isPersonalNumber(HeaderBinding binding) {
        return binding.field().type() == FieldType.ID_NUMBER || binding.field().type() == FieldType.PHONE;
    }

    private static void comment(Drawing<?> drawing, Cell cell, String text) {
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, cell.getColumnIndex() + 1, cell.getRowIndex(),
                cell.getColumnIndex() + 5, cell.getRowIndex() + 4);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(cell.getSheet().getWorkbook().getCreationHelper().createRichTextString(text));
        comment.setAuthor("ruralstat");
        comment.setAddress(cell.getAddress());
        cell.setCellComment(comment);
    }

    /** Writes text as a string cell; text that a spreadsheet could take for a formula is also quote-prefixed. */
    static Cell text(Styles styles, Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        String text = value == null ? "" : value;
        cell.setCellValue(text);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            cell.setCellStyle(styles.quoted(style));
        } else if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    private static String safeSheetName(Workbook workbook, String name) {
        String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        cleaned = cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
        String candidate = cleaned;
        for (int i = 2; workbook.getSheet(candidate) != null; i++) {
            String suffix = "(" + i + ")";
            candidate = cleaned.substring(0, Math.min(cleaned.length(), 31 - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** The few styles the workbook uses, made once per workbook and passed to whatever writes its cells. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle error;
        final CellStyle warning;
        private final Workbook workbook;
        private final Map<CellStyle, CellStyle> quoted = new HashMap<>();
        private CellStyle quotedPlain;

        /** The styles of one workbook, made when it is and dropped with it: no cache outlives a workbook. */
        static Styles of(Workbook workbook) {
            return new Styles(workbook);
        }

        CellStyle quoted(CellStyle base) {
            if (base == null) {
                if (quotedPlain == null) {
                    quotedPlain = workbook.createCellStyle();
                    quotedPlain.setQuotePrefixed(true);
                }
                return quotedPlain;
            }
            return quoted.computeIfAbsent(base, b -> {
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(b);
                style.setQuotePrefixed(true);
                return style;
            });
        }

        private Styles(Workbook workbook) {
            this.workbook = workbook;
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            error = fill(workbook, IndexedColors.ROSE);
            warning = fill(workbook, IndexedColors.LIGHT_YELLOW);
        }

        private static CellStyle fill(Workbook workbook, IndexedColors color) {
            CellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(color.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }
    }
}
