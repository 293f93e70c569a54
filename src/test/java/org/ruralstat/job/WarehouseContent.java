package org.ruralstat.job;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of every table of a warehouse file, as sorted text, leaving out what differs between two
 * equivalent histories: timestamps and run ids. Two warehouses are equal when their contents are.
 */
final class WarehouseContent {

    private WarehouseContent() {
    }

    static Map<String, List<String>> of(Path duckdbFile) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (WarehouseQueries warehouse = WarehouseQueries.open(duckdbFile)) {
            for (String table : warehouse.strings("select table_name from duckdb_tables() where schema_name = 'main' "
                    + "and table_name not like 'stg_%' and table_name not in ('etl_run_file', 'etl_seed', 'dim_region') order by 1")) {
                List<String> columns = warehouse.strings("select column_name from duckdb_columns() where table_name = '"
                        + table + "' and data_type not like 'TIMESTAMP%' and column_name <> 'run_id' order by column_index");
                String select = "select concat_ws('|', " + String.join(", ", columns.stream()
                        .map(column -> "coalesce(cast(\"" + column + "\" as varchar), '∅')").toList())
                        + ") from \"" + table + "\" order by 1";
                tables.put(table, new ArrayList<>(warehouse.strings(select)));
            }
            tables.put("dim_region (rows)", List.of(String.valueOf(warehouse.count("select count(*) from dim_region"))));
        }
        return tables;
    }

    /** Fails naming each table that differs and the rows found on one side only. */
    static void assertSame(Map<String, List<String>> actual, Map<String, List<String>> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        StringBuilder differences = new StringBuilder();
        for (String table : expected.keySet()) {
            List<String> missing = new ArrayList<>(expected.get(table));
            missing.removeAll(actual.get(table));
            List<String> extra = new ArrayList<>(actual.get(table));
            extra.removeAll(expected.get(table));
            if (!actual.get(table).equals(expected.get(table))) {
                differences.append(String.format("%n%s: %d rows, expected %d; missing %s; unexpected %s", table,
                        actual.get(table).size(), expected.get(table).size(), head(missing), head(extra)));
            }
        }
        assertThat(differences.toString()).as("differences from the uninterrupted history").isEmpty();
    }

    private static List<String> head(List<String> rows) {
        return rows.size() <= 3 ? rows : rows.subList(0, 3);
    }
}
