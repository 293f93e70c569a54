package org.ruralstat.stage;

import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.TableColumns;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
    private final byte[] submissionIdBytes;
    private OutputStream out;
    private long rows;
    private long longestRowChars;

    SpillFile(Path directory, TableColumns columns, long submissionId) {
        this.file = directory.resolve(columns.table() + "-" + submissionId + ".csv");
        this.columns = columns;
        this.submissionId = submissionId;
        this.submissionIdBytes = Long.toString(submissionId).getBytes(StandardCharsets.US_ASCII);
    }

    /** Rows written and not yet loaded. */
    long pendingRows() {
        return rows;
    }

    Path file() {
        return file;
    }

    /** Writes one rendered row of the submission's table. */
    void append(SpillLine line) throws SQLException {
        if (!line.table().equals(columns.table())) {
            throw new IllegalArgumentException("a line of " + line.table() + " in the staging file of " + columns.table());
        }
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16);
            }
            out.write(line.head());
            if (line.tail() != null) {
                out.write(submissionIdBytes);
                out.write(line.tail());
            }
            rows++;
            longestRowChars = Math.max(longestRowChars, line.chars() + submissionIdBytes.length);
        } catch (IOException e) {
            throw new SQLException("cannot write the staging file " + file, e);
        }
    }

    /**
     * A row of the table as a line of its staging file, the submission id left out: keys not in the table are ignored,
     * columns not in the map are null. The line exists only once every value is converted, so a value the table cannot
     * take throws and leaves nothing to write.
     */
    static SpillLine line(TableColumns columns, Map<String, ?> row) throws SQLException {
        StringBuilder text = new StringBuilder(256);
        int idAt = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            if (columns.isSubmissionId(i)) {
                idAt = text.length();
            } else {
                write(text, columns.value(i, row));
            }
        }
        int chars = text.length();
        text.append('\n');
        if (idAt < 0) {
            return new SpillLine(columns.table(), text.toString().getBytes(StandardCharsets.UTF_8), null, chars);
        }
        return new SpillLine(columns.table(), text.substring(0, idAt).getBytes(StandardCharsets.UTF_8),
                text.substring(idAt).getBytes(StandardCharsets.UTF_8), chars);
    }

    /** Appends one value: nothing for null, text quoted, anything else bare. */
    private static void write(StringBuilder line, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            quoted(line, text);
            return;
        }
        String plain = value instanceof BigDecimal decimal ? decimal.toPlainString()
                : value instanceof LocalDateTime timestamp ? TIMESTAMP.format(timestamp) : value.toString();
        // java.time writes a year after 9999 as +10003; DuckDB reads 10003
        line.append(plain, plain.startsWith("+") ? 1 : 0, plain.length());
    }

    private static void quoted(StringBuilder line, String text) {
        line.append('"');
        int from = 0;
        for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', from)) {
            line.append(text, from, quote + 1).append('"');
            from = quote + 1;
        }
        line.append(text, from, text.length()).append('"');
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
            loaded = statement.executeLargeUpdate("copy " + columns.table() + " from "
                    + Sql.literal(file.toString()) + " (format csv, header false, delimiter ',', quote '\"',"
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
