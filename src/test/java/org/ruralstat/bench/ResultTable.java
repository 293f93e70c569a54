package org.ruralstat.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of figures, printed aligned for the console or as a Markdown table for results.md. */
final class ResultTable {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    ResultTable(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    ResultTable row(Object... cells) {
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toList());
        return this;
    }

    String console() {
        int[] widths = new int[header.size()];
        for (List<String> row : withHeader()) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        for (List<String> row : withHeader()) {
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - width(cell));
                out.append("  ").append(c == 0 ? cell + pad : pad + cell);
            }
            out.append('\n');
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int c = 0; c < header.size(); c++) {
            out.append(c == 0 ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.append('\n').toString();
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    /** Display width: full-width characters take two columns. */
    private static int width(String s) {
        return s.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }
}
