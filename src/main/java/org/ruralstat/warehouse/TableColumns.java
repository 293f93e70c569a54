package org.ruralstat.warehouse;

import org.duckdb.DuckDBAppender;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table's columns in order, as DuckDB reports them, so rows given as column-name maps can be appended
 * with the Appender in the table's own order and types.
 */
public final class TableColumns {


    private final String table;
    private final List<Column> columns;

    private TableColumns(String table, List<Column> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    public static TableColumns of(Connection connection, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select column_name, data_type, numeric_scale
                from information_schema.columns
                where table_name = ? and table_schema = 'main'
                order by ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT), rs.getInt(3)));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("no such table: " + table);
        }
        return new TableColumns(table, columns);
    }

    public String table() {
        return table;
    }

    /** Appends one row; keys not in the table are ignored, columns not in the map are null. */
    public void append(DuckDBAppender appender, Map<String, ?> row) throws SQLException {
        appender.beginRow();
        for (Column column : columns) {
            appendValue(appender, column, typed(column, row.get(column.name())));
        }
        appender.endRow();
    }

    public int size() {
        return columns.size();
    }

    public String name(int index) {
        return columns.get(index).name();
    }

    public boolean isText(int index) {
        return columns.get(index).kind() == Kind.TEXT;
    }

    /**
     * The value of column {@code index} in a row, in the Java type the column takes (String, Long,
     * Integer, BigDecimal at the column's scale, Boolean, LocalDate, LocalDateTime), or null.
     */
    public Object value(int index, Map<String, ?> row) throws SQLException {
        Column column = columns.get(index);
        return typed(column, row.get(column.name()));
    }

    /** True for the column every staging row fills with its submission's id. */
    public boolean isSubmissionId(int index) {
        return columns.get(index).isSubmissionId();
    }

    /** The value in the Java type the column's kind takes, or null. */
    private Object typed(Column column, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            return switch (column.kind()) {
                case DECIMAL -> {
                    BigDecimal decimal = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                    yield decimal.scale() == column.scale() ? decimal : decimal.setScale(column.scale(), RoundingMode.HALF_UP);
                }
                case BIGINT -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
                case INTEGER -> value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
                case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
                case DATE -> value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
                case TIMESTAMP -> value instanceof LocalDateTime t ? t : LocalDateTime.parse(value.toString());
                case TEXT -> value.toString();
            };
        } catch (RuntimeException e) {
            throw new SQLException(table + "." + column.name() + ": cannot store " + value + " as " + column.type(), e);
        }
    }

    private static void appendValue(DuckDBAppender appender, Column column, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (column.kind()) {
            case DECIMAL -> appender.append((BigDecimal) value);
            case BIGINT -> appender.append((long) (Long) value);
            case INTEGER -> appender.append((int) (Integer) value);
            case BOOLEAN -> appender.append((boolean) (Boolean) value);
            case DATE -> appender.append((LocalDate) value);
            case TIMESTAMP -> appender.append((LocalDateTime) value);
            case TEXT -> appender.append((String) value);
        }
    }

    /** How a value is handed to the Appender, worked out once from the column's type. */
    private enum Kind {
        DECIMAL, BIGINT, INTEGER, BOOLEAN, DATE, TIMESTAMP, TEXT;

        static Kind of(String type) {
            if (type.startsWith("DECIMAL")) {
                return DECIMAL;
            }
            return switch (type) {
                case "BIGINT" -> BIGINT;
                case "INTEGER" -> INTEGER;
                case "BOOLEAN" -> BOOLEAN;
                case "DATE" -> DATE;
                default -> type.startsWith("TIMESTAMP") ? TIMESTAMP : TEXT;
            };
        }
    }

    private record Column(String name, String type, int scale, Kind kind) {
        Column(String name, String type, int scale) {
            this(name, type, scale, Kind.of(type));
        }

        boolean isSubmissionId() {
            return name.equals("submission_id");
        }
    }
}
