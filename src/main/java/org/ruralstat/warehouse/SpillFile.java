package org.ruralstat.warehouse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One submission's rows for one staging table, written to a CSV file beside the warehouse and loaded by DuckDB itself
 * with one {@code COPY}. DuckDB's Java Appender hands over every 2,048 rows, each hand-over costing about what a
 * statement does (14–24 µs a row of a cadre return on this project's machine); a COPY is one statement whatever the
 * size, read on all of DuckDB's threads (5–6 µs a row, writing the file included).
 * <p>
 * The file is UTF-8 CSV in the table's column order: text always quoted (so {@code ""} is an empty text and an
 * empty field is null), numbers, dates and booleans bare. A load checks that DuckDB took exactly the rows written,
 * then deletes the file; {@link #close()} deletes it too, so a failed attempt leaves nothing behind.
 */
final class SpillFile implements AutoCloseable {

    /** DuckDB's own default; raised for a file whose longest row needs more. */
    private static final long DEFAULT_MAX_LINE_BYTES = 2L * 1024 * 1024;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final Path file;
    private final TableColumns columns;
    private final long submissionId;
    private final Object[] values;
    private Writer out;
    private long rows;
    private long longestRowChars;

    SpillFile(Path directory, TableColumns columns, long submissionId) {
        this.file = directory.resolve(columns.table() + "-" + submissionId + ".csv");
        this.columns = columns;
        this.submissionId = submissionId;
        this.values = new Object[columns.size()];
    }

    /** Rows written and not yet loaded. */
    long pendingRows() {
        return rows;
    }

    Path file() {
        return file;
    }

    /** Writes one row of the submission; keys not in the table are ignored, columns not in the map are null. */
    void append(Map<String, ?> row) throws SQLException {
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16);
            }
            // every value converted before the first is written: a value the table cannot take leaves no half row
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.value(i, row, submissionId);
            }
            long length = 0;
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                    length++;
                }
                length += write(values[i]);
            }
            out.write('\n');
            rows++;
            longestRowChars = Math.max(longestRowChars, length);
        } catch (IOException e) {
            throw new SQLException("cannot write the staging file " + file, e);
        }
    }

    /** Characters written for one value: nothing for null. */
    private int write(Object value) throws IOException {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            return quoted(text);
        }
        String plain = value instanceof BigDecimal decimal ? decimal.toPlainString()
                : value instanceof LocalDateTime timestamp ? TIMESTAMP.format(timestamp) : value.toString();
        if (plain.startsWith("+")) {
            // java.time writes a year after 9999 as +10003; DuckDB reads 10003
            plain = plain.substring(1);
        }
        out.write(plain);
        return plain.length();
    }

    private int quoted(String text) throws IOException {
        out.write('"');
        int written = 2;
        int from = 0;
        for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', from)) {
            out.write(text, from, quote + 1 - from);
            out.write('"');
            written++;
            from = quote + 1;
        }
        out.write(text, from, text.length() - from);
        out.write('"');
        return written + text.length();
    }

    /**
     * Loads the rows written so far into the table in one statement on the given connection (in its transaction, or
     * committed on its own in auto-commit) and deletes the file. Fails, loading nothing, unless DuckDB takes every row.
     */
    long load(Connection connection) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        closeWriter();
        long written = rows;
        // A UTF-8 character takes at most three bytes per Java char; DuckDB refuses a line longer than max_line_size.
        long maxLineBytes = Math.max(DEFAULT_MAX_LINE_BYTES, 3 * longestRowChars + 1024);
        long loaded;
        try (Statement statement = connection.createStatement()) {
            loaded = statement.executeLargeUpdate("copy " + columns.table() + " from '"
                    + file.toString().replace("'", "''") + "' (format csv, header false, delimiter ',', quote '\"',"
                    + " escape '\"', nullstr '', allow_quoted_nulls false, auto_detect false, new_line '\\n',"
                    + " max_line_size " + maxLineBytes + ")");
        }
        if (loaded != written) {
            throw new SQLException("staging " + columns.table() + " of submission " + submissionId + ": wrote " + written
                    + " rows to " + file + ", DuckDB loaded " + loaded);
        }
        rows = 0;
        longestRowChars = 0;
        delete();
        return loaded;
    }

    /** Drops whatever was written and not loaded. */
    @Override
    public void close() throws SQLException {
        rows = 0;
        closeWriter();
        delete();
    }

    private void closeWriter() throws SQLException {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new SQLException("cannot write the staging file " + file, e);
        } finally {
            out = null;
        }
    }

    private void delete() throws SQLException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SQLException("cannot delete the staging file " + file, e);
        }
    }
}
