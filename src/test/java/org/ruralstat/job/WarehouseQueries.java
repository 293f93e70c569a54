package org.ruralstat.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a warehouse file the way an analyst does: read-only, with SQL. */
final class WarehouseQueries implements AutoCloseable {

    private final Connection connection;

    private WarehouseQueries(Connection connection) {
        this.connection = connection;
    }

    static WarehouseQueries open(Path duckdbFile) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return new WarehouseQueries(DriverManager.getConnection("jdbc:duckdb:" + duckdbFile.toAbsolutePath(), properties));
    }

    long count(String sql) throws SQLException {
        return number(sql).longValue();
    }

    java.math.BigDecimal number(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            java.math.BigDecimal value = rs.getBigDecimal(1);
            return value == null ? java.math.BigDecimal.ZERO : value;
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
