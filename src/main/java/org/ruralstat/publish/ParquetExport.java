package org.ruralstat.publish;

import org.ruralstat.warehouse.Folders;
import org.ruralstat.warehouse.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The snapshot's dimensions as single Parquet files and its facts partitioned by year, for tools other than DuckDB;
 * written beside the old export and swapped in when complete. A file (or a fact table's year) whose rows are the same
 * as in the export before, by count and a sum of the rows' hashes kept in {@value #MANIFEST}, is linked from it, not
 * written again; the views are written again whenever a table changed.
 */
final class ParquetExport {

    static final String MANIFEST = ".fingerprints";
    private static final String VIEWS = "views";

    private final Connection c;

    /** @param c a connection with the snapshot attached as {@code published} */
    ParquetExport(Connection c) {
        this.c = c;
    }

    /** Files written and files linked from the export before. */
    record Written(int written, int linked) {
    }

    Written export(Path folder) throws SQLException, IOException {
        Path building = folder.resolveSibling(".parquet.tmp");
        Path retired = folder.resolveSibling(".parquet.old");
        Folders.delete(building);
        Folders.delete(retired);
        Files.createDirectories(building);
        Map<String, String> before = readManifest(folder);
        Map<String, String> now = new TreeMap<>();
        int[] counts = new int[2];
        try (Statement s = c.createStatement()) {
            for (String table : Sql.strings(c, "select table_name from duckdb_tables() where database_name = 'published' "
                    + "and schema_name = 'main' and (starts_with(table_name, 'dim_') or starts_with(table_name, 'fact_') "
                    + "or table_name in ('etl_submission', 'etl_issue')) order by table_name")) {
                if (table.startsWith("fact_")) {
                    exportByYear(s, table, folder, building, before, now, counts);
                } else {
                    String key = table + ".parquet";
                    now.put(key, fingerprint("select * from published." + Sql.identifier(table)));
                    if (!reuse(folder.resolve(key), building.resolve(key), before.get(key), now.get(key), counts)) {
                        copy(s, "select * from published." + Sql.identifier(table), building.resolve(key), "(format parquet)");
                        counts[0]++;
                    }
                }
            }
            // the analysts' views (v_compare, v_indicator_value …), exported as computed at publishing
            now.put(VIEWS, sha256(now.toString()));
            for (String view : Sql.strings(c, "select view_name from duckdb_views() where database_name = 'published' "
                    + "and schema_name = 'main' and not internal and starts_with(view_name, 'v_') order by view_name")) {
                String file = view + ".parquet";
                if (!reuse(folder.resolve(file), building.resolve(file), before.get(VIEWS), now.get(VIEWS), counts)) {
                    copy(s, "select * from published." + Sql.identifier(view), building.resolve(file), "(format parquet)");
                    counts[0]++;
                }
            }
        }
        Files.writeString(building.resolve(MANIFEST), now.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        if (Files.exists(folder)) {
            Files.move(folder, retired, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        Folders.delete(retired);
        return new Written(counts[0], counts[1]);
    }

    /** A fact table as {@code <table>/year=<year>/…parquet}, only the years whose rows changed written again. */
    private void exportByYear(Statement s, String table, Path folder, Path building, Map<String, String> before,
                              Map<String, String> now, int[] counts) throws SQLException, IOException {
        String t = "published." + Sql.identifier(table);
        List<String> changed = new ArrayList<>();
        Map<String, String> years = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("select year::varchar, count(*), sum(hash(x)::hugeint) from " + t
                + " x group by all order by 1")) {
            while (rs.next()) {
                years.put(rs.getString(1), rs.getLong(2) + ":" + rs.getString(3));
            }
        }
        for (Map.Entry<String, String> year : years.entrySet()) {
            String partition = "year=" + (year.getKey() == null ? "NULL" : year.getKey());
            String key = table + "/" + partition;
            now.put(key, year.getValue());
            if (!reuse(folder.resolve(table).resolve(partition), building.resolve(table).resolve(partition),
                    before.get(key), year.getValue(), counts)) {
                changed.add(year.getKey());
            }
        }
        if (changed.isEmpty()) {
            Files.createDirectories(building.resolve(table));
            return;
        }
        String which = changed.stream().filter(java.util.Objects::nonNull).map(Sql::literal)
                .collect(Collectors.joining(", ", "year::varchar in (", ")"))
                + (changed.contains(null) ? " or year is null" : "");
        copy(s, "select * from " + t + " where " + which, building.resolve(table),
                "(format parquet, partition_by (year), overwrite_or_ignore)");
        counts[0] += changed.size();
    }

    /** Links the export before's file or folder when its fingerprint is the same; false when it must be written. */
    private static boolean reuse(Path old, Path fresh, String fingerprintBefore, String fingerprintNow, int[] counts)
            throws IOException {
        if (fingerprintBefore == null || !fingerprintBefore.equals(fingerprintNow) || !Files.exists(old)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(old)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // a folder's files keep their place in it; a single file is the target itself
                Path target = file.equals(old) ? fresh : fresh.resolve(old.relativize(file).toString());
                Files.createDirectories(target.getParent());
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        counts[1]++;
        return true;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String fingerprint(String rows) throws SQLException {
        return Sql.first(c, "select count(*), sum(hash(x)::hugeint) from (" + rows + ") x",
                rs -> rs.getLong(1) + ":" + rs.getString(2)).orElseThrow();
    }

    private static void copy(Statement s, String rows, Path out, String options) throws SQLException {
        s.execute("copy (" + rows + ") to " + Sql.literal(out.toString()) + " " + options);
    }

    private static Map<String, String> readManifest(Path folder) throws IOException {
        Map<String, String> manifest = new TreeMap<>();
        Path file = folder.resolve(MANIFEST);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    manifest.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return manifest;
    }
}
