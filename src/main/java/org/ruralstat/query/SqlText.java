package org.ruralstat.query;

/**
 * What the analyst's SQL holds, read the way DuckDB's lexer reads it: quoted strings ('…', with '' inside), quoted
 * identifiers ("…"), dollar-quoted strings ($$…$$, $tag$…$tag$), line and block comments. {@code query} runs one
 * statement per call, and DuckDB would otherwise run every statement of a text it is given.
 */
final class SqlText {

    private SqlText() {
    }

    /** The one statement the text holds, without a trailing semicolon; empty when it holds none or several. */
    static java.util.Optional<String> singleStatement(String sql) {
        int end = -1;
        boolean content = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                if (end >= 0) {
                    return java.util.Optional.empty();
                }
                content = true;
                i = closing(sql, i + 1, ch);
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (ch == '$' && dollarTag(sql, i) != null) {
                if (end >= 0) {
                    return java.util.Optional.empty();
                }
                content = true;
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
            } else if (ch == ';') {
                if (end >= 0) {
                    return java.util.Optional.empty();
                }
                end = i;
                i++;
            } else {
                if (!Character.isWhitespace(ch)) {
                    if (end >= 0) {
                        return java.util.Optional.empty();
                    }
                    content = true;
                }
                i++;
            }
        }
        String statement = (end >= 0 ? sql.substring(0, end) : sql).strip();
        return content ? java.util.Optional.of(statement) : java.util.Optional.empty();
    }

    /** The index after the quote that closes one opened before {@code from} (a doubled quote stays inside). */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The dollar-quote tag starting at {@code at} ($$ or $name$), or null when none starts there. */
    private static String dollarTag(String sql, int at) {
        int i = at + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == at + 1 || !Character.isDigit(sql.charAt(at + 1)))) {
            return sql.substring(at, i + 1);
        }
        return null;
    }
}
