package org.ruralstat.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain layer over a warehouse connection: one statement, its parameters in order, its rows mapped. Parameters are
 * bound with {@code setObject} (a null binds SQL NULL), statements are always closed, and failures stay
 * {@link SQLException}s, so a caller decides in one place what a failed statement means (a step that fails, a file
 * that stays received). Spring's {@code JdbcClient} would turn them into unchecked exceptions, which a Spring Batch
 * {@code afterStep} listener would log and ignore.
 */
public final class Sql {

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    /** Every row of a query. */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(row.map(rs));
            }
        }
        return rows;
    }

    /** Every row of a query as a key and a value, in the query's order (a later row replaces an equal key). */
    public static <K, V> java.util.Map<K, V> map(Connection c, String sql, Row<K> key, Row<V> value, Object... params)
            throws SQLException {
        java.util.Map<K, V> rows = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(key.map(rs), value.map(rs));
            }
        }
        return rows;
    }

    /** The first column of every row, as text (names from the catalog, say). */
    public static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        return list(c, sql, rs -> rs.getString(1), params);
    }

    /** The first row of a query, if any. */
    public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
        }
    }

    /** The first column of the first row as a number (a count, an id); 0 when the query gives no row or null. */
    public static long number(Connection c, String sql, Object... params) throws SQLException {
        return first(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** A text as an SQL string literal, for what cannot be a parameter (a file path in COPY or ATTACH). */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Ids as an SQL list, {@code (1, 2, 3)}: numbers only, so nothing can be injected through it. */
    public static String ids(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an empty id list");
        }
        StringBuilder list = new StringBuilder("(");
        for (long id : ids) {
            list.append(list.length() > 1 ? ", " : "").append(id);
        }
        return list.append(')').toString();
    }

    /** A name as a quoted SQL identifier, for a table or column chosen at run time. */
    public static String identifier(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Binds the parameters in order with {@code setObject} (a null binds SQL NULL). */
    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            bind(s, params);
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
