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
final class TableColumns {

    private final String table;
    private final List<Column> columns;

    private TableColumns(String table, List<Column> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    static TableColumns of(Connection connection, String table) throws SQLException {
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

    String table() {
        return table;
    }

    /** Appends one row; keys not in the table are ignored, columns not in the map are null. */
    void append(DuckDBAppender appender, Map<String, ?> row) throws SQLException {
        appender.beginRow();
        for (Column column : columns) {
            appendValue(appender, column, row.get(column.name()));
        }
        appender.endRow();
    }

    private void appendValue(DuckDBAppender appender, Column column, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        String type = column.type();
        try {
            if (type.startsWith("DECIMAL")) {
                BigDecimal decimal = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                appender.append(decimal.setScale(column.scale(), RoundingMode.HALF_UP));
            } else if (type.equals("BIGINT")) {
                appender.append(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            } else if (type.equals("INTEGER")) {
                appender.append(value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString()));
            } else if (type.equals("BOOLEAN")) {
                boolean flag = value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
                appender.append(flag);
            } else if (type.equals("DATE")) {
                appender.append(value instanceof LocalDate d ? d : LocalDate.parse(value.toString()));
            } else if (type.startsWith("TIMESTAMP")) {
                appender.append(value instanceof LocalDateTime t ? t : LocalDateTime.parse(value.toString()));
            } else {
                appender.append(value.toString());
            }
        } catch (RuntimeException e) {
            throw new SQLException(table + "." + column.name() + ": cannot store " + value + " as " + type, e);
        }
    }

    private record Column(String name, String type, int scale) {
    }
}
