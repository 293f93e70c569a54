package org.ruralstat.read;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;

import java.util.Locale;
import java.util.Map;

/** Turns whatever a parser threw into the rule a bureau can act on; POI can throw anything. */
public final class Failures {

    private Failures() {
    }

    public static UnreadableFileException classify(Throwable e) {
        if (e instanceof UnreadableFileException unreadable) {
            return unreadable;
        }
        if (has(e, java.nio.file.NoSuchFileException.class) || has(e, java.io.FileNotFoundException.class)) {
            return new UnreadableFileException("FILE-021", Map.of(), "the file was gone when it was to be read", e);
        }
        String text = describe(e).toLowerCase(Locale.ROOT);
        if (has(e, EncryptedDocumentException.class) || text.contains("encrypt") || text.contains("password")) {
            return new UnreadableFileException("FILE-003", Map.of(), describe(e), e);
        }
        if (has(e, OldExcelFormatException.class)) {
            return new UnreadableFileException("FILE-005", Map.of(), describe(e), e);
        }
        if (has(e, CellLimits.CellTooLongException.class) || has(e, CellLimits.BeyondLimitsException.class) || text.contains("zip bomb") || text.contains("entity")
                || text.contains("max entry size") || text.contains("expansion") || e instanceof OutOfMemoryError
                || e instanceof StackOverflowError) {
            return new UnreadableFileException("FILE-006", Map.of(), describe(e), e);
        }
        return new UnreadableFileException("FILE-004", Map.of(), describe(e), e);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 600; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append("; ");
        }
        return text.toString();
    }
}
