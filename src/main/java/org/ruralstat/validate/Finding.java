package org.ruralstat.validate;

/**
 * One problem found in a submission, located down to the cell, in words a bureau can act on.
 *
 * @param sheet     sheet name, or null for a problem with the whole file
 * @param rowNumber 1-based row, or null for a sheet- or file-level problem
 * @param column    the header as written, or null
 * @param cellRef   A1-style reference, or null
 * @param rawValue  the value as written, personal data already masked
 * @param justification for a warning, the bureau's 说明 that accepted it; null while it is open
 */
public record Finding(String sheet, Integer rowNumber, String column, String cellRef, String rawValue,
                      String rule, Severity severity, String messageZh, String messageEn, String justification) {

    public Finding {
        if (rule == null || severity == null || messageZh == null || messageEn == null) {
            throw new IllegalArgumentException("a finding needs a rule, a severity and both messages");
        }
    }

    public Finding(String sheet, Integer rowNumber, String column, String cellRef, String rawValue,
                   String rule, Severity severity, String messageZh, String messageEn) {
        this(sheet, rowNumber, column, cellRef, rawValue, rule, severity, messageZh, messageEn, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** True for findings about the whole file rather than one row. */
    public boolean isFileLevel() {
        return rowNumber == null;
    }
}
