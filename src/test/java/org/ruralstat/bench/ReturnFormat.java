package org.ruralstat.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** How a generated return is written: the file format and, for CSV, the encoding. */
enum ReturnFormat {

    XLSX("xlsx"),
    XLS("xls"),
    CSV_UTF8("csv"),
    CSV_GBK("csv");

    private final String extension;

    ReturnFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    /** The format as ruralstat records it in {@code etl_submission.file_format}. */
    String format() {
        return extension;
    }

    boolean isCsv() {
        return this == CSV_UTF8 || this == CSV_GBK;
    }

    /** Writes the table and returns the number of data rows written. */
    long write(Path file, ReturnTable table) throws IOException {
        return switch (this) {
            case XLSX -> ReturnWriters.xlsx(file, table);
            case XLS -> ReturnWriters.xls(file, table);
            case CSV_UTF8 -> ReturnWriters.csv(file, table, StandardCharsets.UTF_8, true);
            case CSV_GBK -> ReturnWriters.csv(file, table, Charset.forName("GBK"), false);
        };
    }
}
