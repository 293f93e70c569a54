package org.ruralstat.report;

import java.util.List;

/**
 * The answer to one of the report's queries: its rows, or why there are none. A query that fails costs the report
 * one section, never the whole report (a run can fail before the ledger exists).
 *
 * @param rows    the rows, empty when the query failed
 * @param failure why the query failed, or null
 */
record Rows<T>(List<T> rows, String failure) {

    Rows {
        rows = List.copyOf(rows);
    }

    static <T> Rows<T> of(List<T> rows) {
        return new Rows<>(rows, null);
    }

    static <T> Rows<T> failed(String failure) {
        return new Rows<>(List.of(), failure);
    }
}
