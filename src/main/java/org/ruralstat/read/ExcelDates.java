package org.ruralstat.read;

import org.ruralstat.normalize.DateNormalizer;

import java.math.BigDecimal;

/** Date-formatted numeric cells turned into ISO dates in the workbook's own date system. */
final class ExcelDates {

    private ExcelDates() {
    }

    static CellValue toDateCell(String serial, boolean date1904) {
        try {
            return DateNormalizer.fromExcelSerial(new BigDecimal(serial.trim()), date1904)
                    .map(d -> new CellValue(d.toString(), CellValue.Kind.DATE))
                    .orElse(new CellValue(serial, CellValue.Kind.NUMBER));
        } catch (NumberFormatException e) {
            return new CellValue(serial, CellValue.Kind.NUMBER);
        }
    }
}
