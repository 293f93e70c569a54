package org.ruralstat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * What ruralstat is measured against, run in the benchmark's own JVM on the same files: DuckDB's
 * {@code read_csv} into a table, and parse-only passes of the two streaming xlsx readers on Maven Central
 * that read every cell as text. Each is timed on its best of {@link #ATTEMPTS} attempts (the first one
 * also warms the JIT and the page cache).
 */
final class Yardsticks {

    static final int ATTEMPTS = 2;
    /** Characters of every cell read, kept so that no reading is optimized away. */
    private static long characters;

    /**
     * The best time of one yardstick and the rows it saw (every physical row, title and header rows
     * included, as a check that it read the whole file); {@code failure} says why there is no time.
     */
    record Timing(String name, long rows, double seconds, String failure) {

        boolean succeeded() {
            return failure == null;
        }

        static Timing failed(String name, String failure) {
            return new Timing(name, 0, Double.NaN, failure);
        }
    }

    /** A pass that returns the rows it read. */
    @FunctionalInterface
    interface Pass {
        long run() throws Exception;
    }

    private Yardsticks() {
    }

    static Timing best(String name, Pass pass) {
        double best = Double.POSITIVE_INFINITY;
        long rows = 0;
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                long start = System.nanoTime();
                rows = pass.run();
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            return new Timing(name, rows, best, null);
        } catch (Exception | OutOfMemoryError e) {
            return Timing.failed(name, e.toString());
        }
    }

    /**
     * {@code create table t as select * from read_csv(file)} in a fresh DuckDB file, with DuckDB's
     * defaults (all cores, type sniffing); the header line is not a row.
     */
    static Timing duckdbReadCsv(Path csv, Path scratch) {
        return best("DuckDB read_csv", () -> {
            Path db = scratch.resolve("read_csv.duckdb");
            Files.createDirectories(scratch);
            Files.deleteIfExists(db);
            Files.deleteIfExists(scratch.resolve("read_csv.duckdb.wal"));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                 Statement s = c.createStatement()) {
                s.execute("create table t as select * from read_csv('" + csv.toString().replace("'", "''") + "')");
                try (ResultSet rs = s.executeQuery("select count(*) from t")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** org.dhatim:fastexcel-reader: every sheet streamed, every cell's text. */
    static Timing fastexcel(Path xlsx) {
        return best("fastexcel-reader", () -> {
            long rows = 0;
            try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
                for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
                    try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                        for (org.dhatim.fastexcel.reader.Row row : (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
                            for (org.dhatim.fastexcel.reader.Cell cell : row) {
                                characters += cell == null ? 0 : cell.getText().length();
                            }
                            rows++;
                        }
                    }
                }
            }
            return rows;
        });
    }

    /** com.github.pjfanning:excel-streaming-reader: POI's Row and Cell over a streamed sheet, every cell as text. */
    static Timing excelStreamingReader(Path xlsx) {
        return best("excel-streaming-reader", () -> {
            long rows = 0;
            try (Workbook wb = StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(xlsx.toFile())) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            characters += text(cell).length();
                        }
                        rows++;
                    }
                }
            }
            return rows;
        });
    }

    private static String text(Cell cell) {
        return switch (cell.getCellType()) {
            case NUMERIC -> Double.toString(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> cell.getCachedFormulaResultType() == CellType.NUMERIC
                    ? Double.toString(cell.getNumericCellValue()) : cell.getStringCellValue();
            case BLANK, _NONE, ERROR -> "";
            default -> cell.getStringCellValue();
        };
    }
}
