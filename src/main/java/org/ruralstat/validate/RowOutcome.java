package org.ruralstat.validate;

/** What happens to a source row ({@code stg_row.outcome}): loaded as it is, loaded with warnings, or rejected. */
public enum RowOutcome {

    LOADED("loaded"),
    WARNED("warned"),
    REJECTED("rejected");

    private final String code;

    RowOutcome(String code) {
        this.code = code;
    }

    /** The code in {@code stg_row.outcome}. */
    public String code() {
        return code;
    }

    /** The code as a SQL string literal, for a statement that compares or sets it. */
    public String sql() {
        return "'" + code + "'";
    }
}
