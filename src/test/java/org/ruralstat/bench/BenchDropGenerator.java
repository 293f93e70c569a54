package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ruralstat.bench.BenchDrop.ReturnFile;
import org.ruralstat.bench.BenchRegions.County;

/**
 * Writes the benchmark's drops, deterministically (fixed seeds, fixed document dates: the same bytes on
 * every run): a province-scale drop of one return per county and subject, and single large county
 * returns. A drop already written with the same parameters is reused.
 */
final class BenchDropGenerator {

    /** Bump when the generated content changes, so old drops are written again. */
    private static final int VERSION = 1;
    private static final long SEED = 20_261_123L;
    static final List<String> SUBJECTS = List.of("cadres", "sanitation", "income", "employment");
    /** Rows per county at scale 1, by subject: 10,000 a county, 1,000,000 for 100 counties. */
    private static final int[] BASE_ROWS = {3_000, 3_000, 2_000, 2_000};
    /** Counties differ in size; the factors average exactly 1 over every five counties. */
    private static final double[] COUNTY_FACTORS = {0.6, 0.8, 1.0, 1.2, 1.4};

    private final BenchRegions regions;

    BenchDropGenerator(BenchRegions regions) {
        this.regions = regions;
    }

    /**
     * {@code counties} counties × 4 subjects, one file each: 11 in 20 xlsx, 3 in 20 each xls, UTF-8 CSV
     * with BOM and GBK CSV. Excel returns have title rows and footers, cadre xlsx a two-row merged header.
     */
    BenchDrop province(Path root, int counties, double scale) throws IOException {
        String parameters = "province v" + VERSION + " counties=" + counties + " scale=" + scale;
        BenchDrop existing = BenchDrop.existing(root, parameters);
        if (existing != null) {
            return existing;
        }
        clean(root);
        List<Callable<ReturnFile>> tasks = new ArrayList<>();
        List<County> picked = regions.spread(counties);
        for (int k = 0; k < picked.size(); k++) {
            County county = picked.get(k);
            for (int s = 0; s < SUBJECTS.size(); s++) {
                int rows = Math.max(1, (int) Math.round(BASE_ROWS[s] * COUNTY_FACTORS[k % COUNTY_FACTORS.length] * scale));
                String subject = SUBJECTS.get(s);
                ReturnFormat format = formatOf(k * SUBJECTS.size() + s);
                tasks.add(() -> write(root, county, subject, rows, format));
            }
        }
        // every file has its own seed, so writing them in parallel changes no byte
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<ReturnFile> files = new ArrayList<>();
            for (Future<ReturnFile> file : pool.invokeAll(tasks)) {
                files.add(file.get());
            }
            return finish(new BenchDrop(root, parameters, files));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One county return of {@code rows} rows of a subject, the only file of its drop. A county's income or employment
     * return holds one row per village, indicator and year, so a return larger than the largest county can fill comes
     * from its prefecture or its province instead (1,000,000 rows: Zhejiang's 18,000 villages over 11 years).
     */
    BenchDrop single(Path root, String subject, int rows, ReturnFormat format) throws IOException {
        String parameters = "single v" + VERSION + " " + subject + " " + format + " rows=" + rows;
        BenchDrop existing = BenchDrop.existing(root, parameters);
        if (existing != null) {
            return existing;
        }
        clean(root);
        boolean indicators = subject.equals(IndicatorReturns.INCOME) || subject.equals(IndicatorReturns.EMPLOYMENT);
        County submitter = indicators ? regions.enclosing(regions.largest(), IndicatorReturns.villagesFor(rows))
                : regions.largest();
        return finish(new BenchDrop(root, parameters, List.of(write(root, submitter, subject, rows, format))));
    }

    static ReturnFormat formatOf(int fileIndex) {
        int slot = fileIndex % 20;
        return slot <= 10 ? ReturnFormat.XLSX : slot <= 13 ? ReturnFormat.XLS
                : slot <= 16 ? ReturnFormat.CSV_UTF8 : ReturnFormat.CSV_GBK;
    }

    /**
     * The national night: one return of {@code subject} from every county with villages, one row per village and
     * indicator for one year (times {@code scale}), formats in the province drop's mix.
     */
    BenchDrop national(Path root, String subject, double scale) throws IOException {
        return national(root, subject, scale, Integer.MAX_VALUE);
    }

    /** As {@link #national(Path, String, double)} over {@code limit} counties spread evenly over the list. */
    BenchDrop national(Path root, String subject, double scale, int limit) throws IOException {
        String parameters = "national v" + VERSION + ".2 subject=" + subject + " scale=" + scale
                + (limit == Integer.MAX_VALUE ? "" : " counties=" + limit);
        BenchDrop existing = BenchDrop.existing(root, parameters);
        if (existing != null) {
            return existing;
        }
        clean(root);
        List<ReturnFile> files = new ArrayList<>();
        List<County> all = regions.all();
        List<County> counties = limit >= all.size() ? all
                : java.util.stream.IntStream.range(0, limit).mapToObj(i -> all.get((int) ((long) i * all.size() / limit))).toList();
        for (int k = 0; k < counties.size(); k++) {
            County county = counties.get(k);
            int rows = Math.max(1, (int) Math.round(county.villages().size() * IndicatorReturns.indicatorsOf(subject) * scale));
            files.add(write(root, county, subject, rows, formatOf(k)));
        }
        return finish(new BenchDrop(root, parameters, files));
    }

    private static ReturnFile write(Path root, County county, String subject, int rows, ReturnFormat format)
            throws IOException {
        long seed = SEED ^ (county.code() + subject).hashCode();
        Random rnd = new Random(seed);
        String name;
        ReturnTable table;
        switch (subject) {
            case "cadres" -> {
                name = CadreReturns.fileName(county, format);
                table = CadreReturns.table(county, rows, format, rnd);
            }
            case "sanitation" -> {
                name = SanitationReturns.fileName(county, format);
                table = SanitationReturns.table(county, rows, format, rnd);
            }
            default -> {
                name = IndicatorReturns.fileName(subject, county, rows, format);
                table = IndicatorReturns.table(subject, county, rows, format, seed);
            }
        }
        Path folder = Files.createDirectories(root.resolve("input").resolve(county.code()));
        long written = format.write(folder.resolve(name), table);
        String formatName = switch (format) {
            case XLSX -> "xlsx";
            case XLS -> "xls";
            case CSV_UTF8 -> "csv-utf8";
            case CSV_GBK -> "csv-gbk";
        };
        return new ReturnFile(county.code() + "/" + name, county.code(), subject, formatName, written,
                GeneratedRows.invalidAmong((int) written));
    }

    private static BenchDrop finish(BenchDrop drop) throws IOException {
        drop.writeManifest();
        return drop;
    }

    private static void clean(Path root) throws IOException {
        BenchFolders.delete(root);
        Files.createDirectories(root);
    }
}
