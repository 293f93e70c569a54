package org.ruralstat.read;

/** The formats a return can arrive in, as told by content, never by extension. */
public enum FileFormat {
    XLSX, XLS, CSV;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
