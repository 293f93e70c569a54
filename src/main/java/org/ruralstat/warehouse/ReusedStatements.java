package org.ruralstat.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Sql}'s calls for a connection that runs the same few statements for file after file: each statement is
 * prepared the first time and then only run, since DuckDB's prepare is a good part of a small statement's time.
 * Closing closes the statements, not the connection.
 */
public final class ReusedStatements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public ReusedStatements(Connection connection) {
        this.connection = connection;
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public int update(String sql, Object... params) throws SQLException {
        return bound(sql, params).executeUpdate();
    }

    /** The first row of a query, if any. */
    public <T> Optional<T> first(String sql, Sql.Row<T> row, Object... params) throws SQLException {
        try (ResultSet rs = bound(sql, params).executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
        }
    }

    /** What is done with each row of a streamed query, while it is read. */
    @FunctionalInterface
    public interface Each {
        void accept(ResultSet rs) throws Exception;
    }

    /** Hands every row of a query on as it is read, never holding them all. */
    public void forEach(String sql, Each each, Object... params) throws Exception {
        try (ResultSet rs = bound(sql, params).executeQuery()) {
            while (rs.next()) {
                each.accept(rs);
            }
        }
    }

    /** The first column of the first row as a number; 0 when the query gives no row or null. */
    public long number(String sql, Object... params) throws SQLException {
        return first(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    private PreparedStatement bound(String sql, Object... params) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        statement.clearParameters();
        Sql.bind(statement, params);
        return statement;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        prepared.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
