package org.ruralstat.validate;

/** error: the row (or, for a file rule, the file) is not loaded; warning: it is loaded and flagged. */
public enum Severity {
    ERROR, WARNING;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
