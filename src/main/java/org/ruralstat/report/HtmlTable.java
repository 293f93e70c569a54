package org.ruralstat.report;

import org.ruralstat.text.PersonalDataMasker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table whose cells are escaped unless they are {@link Markup}, so a file name cannot become markup:
 * numbers and durations are right-aligned, numbers with thousands separators; a missing value shows as a dash.
 */
final class HtmlTable {

    private final List<String> headers;
    private final List<String> rows = new ArrayList<>();

    HtmlTable(String... headers) {
        this.headers = List.of(headers);
    }

    HtmlTable row(Object... cells) {
        StringBuilder row = new StringBuilder("<tr>");
        for (Object cell : cells) {
            row.append(cell(cell));
        }
        rows.add(row.append("</tr>").toString());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, or why its source could not be read, or the note when it has no rows. */
    String render(Rows<?> source, String emptyNote) {
        return source.failure() != null ? unavailable(source.failure()) : render(emptyNote);
    }

    /** The note shown in place of a section whose query failed, such as a table a failed run never created. */
    static String unavailable(String failure) {
        String reason = PersonalDataMasker.scrub(failure.strip());
        reason = reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
        return "<p class=\"no-data\">暂时无法读取 · Not available: " + Html.text(reason) + "</p>\n";
    }

    /** The table, or the note in a paragraph when it has no rows. */
    String render(String emptyNote) {
        if (rows.isEmpty()) {
            return "<p class=\"no-data\">" + Html.text(emptyNote) + "</p>\n";
        }
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (String header : headers) {
            out.append("<th>").append(Html.text(header)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        rows.forEach(row -> out.append(row).append('\n'));
        return out.append("</tbody>\n</table></div>\n").toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "<td class=\"none\">—</td>";
        }
        if (value instanceof Markup markup) {
            return "<td>" + markup.html() + "</td>";
        }
        if (value instanceof Duration duration) {
            return "<td class=\"num\">" + Html.text(ReportLabels.duration(duration)) + "</td>";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "<td class=\"num\">" + Html.count(((Number) value).longValue()) + "</td>";
        }
        return "<td>" + Html.text(value.toString()) + "</td>";
    }
}
