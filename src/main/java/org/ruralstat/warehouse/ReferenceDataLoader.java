package org.ruralstat.warehouse;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.ruralstat.reference.Region;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code dim_region} and {@code dim_indicator} from the seeds, with the Appender, in one transaction,
 * and only when the seeds changed since the last load.
 */
public final class ReferenceDataLoader {

    private final Warehouse warehouse;

    public ReferenceDataLoader(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Replaces the dimension tables when the fingerprint of the seeds differs from the one loaded. */
    public boolean load(Collection<Region> regions, List<Map<String, String>> indicators, String fingerprint) throws SQLException {
        try (DuckDBConnection c = warehouse.connect()) {
            Sql.update(c, "create table if not exists etl_seed (name varchar primary key, fingerprint varchar not null)");
            if (fingerprint.equals(loadedFingerprint(c))) {
                return false;
            }
            c.setAutoCommit(false);
            try {
                Sql.update(c, "delete from dim_region");
                Sql.update(c, "delete from dim_indicator");
                TableColumns regionColumns = TableColumns.of(c, "dim_region");
                try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "dim_region")) {
                    Map<String, Object> row = new HashMap<>();
                    for (Region region : regions) {
                        row.put("region_code", region.code());
                        row.put("region_name", region.name());
                        row.put("level", region.level());
                        row.put("parent_code", emptyToNull(region.parentCode()));
                        row.put("county_code", emptyToNull(region.countyCode()));
                        row.put("prefecture_code", emptyToNull(region.prefectureCode()));
                        row.put("province_code", emptyToNull(region.provinceCode()));
                        regionColumns.append(appender, row);
                    }
                }
                TableColumns indicatorColumns = TableColumns.of(c, "dim_indicator");
                try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "dim_indicator")) {
                    for (Map<String, String> indicator : indicators) {
                        Map<String, Object> row = new HashMap<>(indicator);
                        row.replaceAll((k, v) -> emptyToNull((String) v));
                        indicatorColumns.append(appender, row);
                    }
                }
                Sql.update(c, "insert or replace into etl_seed (name, fingerprint) values ('reference', ?)", fingerprint);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String loadedFingerprint(DuckDBConnection c) throws SQLException {
        return Sql.first(c, "select fingerprint from etl_seed where name = 'reference'", rs -> rs.getString(1)).orElse(null);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
