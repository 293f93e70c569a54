package org.ruralstat.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every table of a DuckDB file, and all of a table's text, for scans that look for what must never be there. */
final class WarehouseQueriesText {

    private WarehouseQueriesText() {
    }

    static List<String> tables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select table_name from duckdb_tables() where schema_name = 'main'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Every value of the table as text, one row a line. */
    static String allText(Statement s, String table) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (ResultSet rs = s.executeQuery("select * from \"" + table + "\"")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    all.append(rs.getString(i)).append('|');
                }
                all.append('\n');
            }
        }
        return all.toString();
    }
}
