package org.ruralstat.read;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a file with the reader its content calls for. */
public final class SpreadsheetFiles {

    private SpreadsheetFiles() {
    }

    public static SpreadsheetFile open(Path file) throws IOException, UnreadableFileException {
        return switch (FormatSniffer.sniff(file)) {
            case XLSX -> XlsxSpreadsheet.open(file);
            case XLS -> XlsSpreadsheet.open(file);
            case CSV -> CsvSpreadsheet.open(file);
        };
    }
}
