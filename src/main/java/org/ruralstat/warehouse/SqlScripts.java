package org.ruralstat.warehouse;

import java.util.ArrayList;
import java.util.List;

/** Splits a SQL file into statements at semicolons outside quotes and comments. */
final class SqlScripts {

    private SqlScripts() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean doubleQuoted = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (!quoted && !doubleQuoted && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
                current.append('\n');
                continue;
            }
            if (c == '\'' && !doubleQuoted) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                doubleQuoted = !doubleQuoted;
            }
            if (c == ';' && !quoted && !doubleQuoted) {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String text = statement.toString().trim();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }
}
