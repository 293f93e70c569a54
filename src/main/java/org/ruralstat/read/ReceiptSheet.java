package org.ruralstat.read;

import org.ruralstat.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 问题清单 sheet of a 回执 that a bureau sent back with its 说明 column filled in: which column holds what, so
 * that each justified line can be handed on in one order (sheet, row, cell, column, value, rule, message, 说明).
 * Recognised by its own header row, written by the feedback workbook, whatever else the workbook holds.
 */
public record ReceiptSheet(int headerRow, int sheet, int row, int cell, int column, int value, int rule, int message,
                           int justification) {

    /** The name ruralstat gives the sheet, and the subject a returned 回执 is filed under. */
    public static final String SHEET_NAME = "问题清单";
    public static final String SUBJECT = "receipt";

    /** The order of the cells of a justified line handed on by the reader. */
    public static final int SHEET = 0;
    public static final int ROW = 1;
    public static final int CELL = 2;
    public static final int COLUMN = 3;
    public static final int VALUE = 4;
    public static final int RULE = 5;
    public static final int MESSAGE = 6;
    public static final int JUSTIFICATION = 7;

    /** The layout of a returned 问题清单, or empty when the sheet is something else. */
    public static Optional<ReceiptSheet> recognize(String sheetName, List<RawRow> head) {
        if (!SHEET_NAME.equals(TextNormalizer.clean(sheetName)) || head.isEmpty()) {
            return Optional.empty();
        }
        RawRow header = head.get(0);
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < header.cells().size(); c++) {
            texts.add(TextNormalizer.clean(header.cell(c).text()));
        }
        int justification = indexStarting(texts, "说明");
        int[] at = {indexStarting(texts, "位置"), indexStarting(texts, "工作表"), indexStarting(texts, "行"),
                indexStarting(texts, "列"), indexStarting(texts, "值"), indexStarting(texts, "规则"),
                indexStarting(texts, "问题")};
        for (int index : at) {
            if (index < 0) {
                return Optional.empty();
            }
        }
        if (justification < 0) {
            return Optional.empty();
        }
        return Optional.of(new ReceiptSheet(header.rowNumber(), at[1], at[2], at[0], at[3], at[4], at[5], at[6], justification));
    }

    /** A line of the sheet in the handed-on order, or null when its 说明 is blank. */
    public RawRow justified(RawRow line) {
        String text = TextNormalizer.clean(line.cell(justification).text());
        if (text.isEmpty() || line.rowNumber() <= headerRow) {
            return null;
        }
        String place = TextNormalizer.clean(line.cell(cell).text());
        String cellRef = place.contains("!") ? place.substring(place.lastIndexOf('!') + 1) : null;
        return new RawRow(line.rowNumber(), List.of(line.cell(sheet), line.cell(row),
                CellValue.text(cellRef == null ? "" : cellRef), line.cell(column), line.cell(value), line.cell(rule),
                line.cell(message), line.cell(justification)));
    }

    private static int indexStarting(List<String> texts, String prefix) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
