package org.ruralstat.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Date-formatted numeric cells turned into ISO dates in the workbook's own date system. */
public final class ExcelDates {

    private static final LocalDate EXCEL_1900_EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_1904_EPOCH = LocalDate.of(1904, 1, 1);

    private ExcelDates() {
    }

    static CellValue toDateCell(String serial, boolean date1904) {
        try {
            return fromExcelSerial(new BigDecimal(serial.trim()), date1904)
                    .map(d -> new CellValue(d.toString(), CellValue.Kind.DATE))
                    .orElse(new CellValue(serial, CellValue.Kind.NUMBER));
        } catch (NumberFormatException e) {
            return new CellValue(serial, CellValue.Kind.NUMBER);
        }
    }

    /** The date of an Excel serial number; whole days only, in the workbook's date system. */
    public static Optional<LocalDate> fromExcelSerial(BigDecimal serial, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
            return Optional.empty();
        }
        long days = serial.longValue();
        if (date1904) {
            return Optional.of(EXCEL_1904_EPOCH.plusDays(days));
        }
        // Excel counts a 29 February 1900 that never was; serials before it are one day early.
        return Optional.of(days < 61 ? EXCEL_1900_EPOCH.plusDays(days + 1) : EXCEL_1900_EPOCH.plusDays(days));
    }
}
