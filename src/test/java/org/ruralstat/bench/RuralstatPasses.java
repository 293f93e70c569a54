package org.ruralstat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.ruralstat.bench.BenchDrop.ReturnFile;
import org.ruralstat.normalize.CadreKeyHasher;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.SourceRow;
import org.ruralstat.read.SubmissionItemReader;
import org.ruralstat.reference.CodeListCatalog;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.reference.RegionDirectory;
import org.ruralstat.reference.Seeds;
import org.ruralstat.reference.UnitCatalog;
import org.ruralstat.subject.HeaderAliasMatcher;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.validate.RowValidationItemProcessor;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.validate.StagedRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * ruralstat's own reader ({@link SubmissionItemReader}, the class the job's staging step reads with) and
 * row validation ({@link RowValidationItemProcessor}) over a drop, without Spring, the job repository or
 * DuckDB: one file per task on as many threads as the job stages with, the time in the reader and in the
 * processor measured call by call. Subtracted from the job's staging step, they leave what staging (the
 * DuckDB appender, chunk transactions, the ledger) costs.
 */
record RuralstatPasses(LayoutDetector detector, RuleCatalog rules, RowValidationItemProcessor processor) {

    /**
     * Rows handed on by the reader, rows rejected by validation, wall seconds, and the seconds spent in the
     * reader and in validation summed over the {@code threads} threads that worked.
     */
    record Pass(long rows, long rejected, double seconds, double readThreadSeconds, double validateThreadSeconds,
                int threads) {

        /** Wall seconds of reading alone, had the threads done nothing else. */
        double readSeconds() {
            return readThreadSeconds / threads;
        }

        double validateSeconds() {
            return validateThreadSeconds / threads;
        }
    }

    /** The subjects and rules of {@code jobs/*.yml} and the reference data of {@code seeds/}, as the job loads them. */
    static RuralstatPasses load(Path jobs, Path seeds) throws IOException {
        UnitCatalog units = new UnitCatalog(rows(seeds, "units.csv"));
        RuleCatalog rules = new RuleCatalog();
        List<HeaderAliasMatcher> matchers = new ArrayList<>();
        try (Stream<Path> files = Files.list(jobs)) {
            for (Path yaml : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(yaml)) {
                    rules.addAll(yaml.getFileName().toString(), in);
                }
                if (Files.readString(yaml, StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith("subject:"))) {
                    try (InputStream in = Files.newInputStream(yaml)) {
                        matchers.add(new HeaderAliasMatcher(SubjectCatalog.parse(yaml.toString(), in), units));
                    }
                }
            }
        }
        Map<String, String> indicatorUnits = new HashMap<>();
        rows(seeds, "indicators.csv").forEach(r -> indicatorUnits.put(r.get("indicator_code"), r.get("unit")));
        Map<String, Set<String>> projectUnits = new HashMap<>();
        rows(seeds, "project_units.csv").forEach(r -> projectUnits
                .computeIfAbsent(r.get("project_type"), k -> new TreeSet<>()).add(r.get("canonical_unit")));
        RegionDirectory regions;
        try (InputStream in = Files.newInputStream(seeds.resolve("regions.csv"))) {
            regions = new RegionDirectory(Seeds.regions(in), rows(seeds, "region_changes.csv"));
        }
        ReferenceData reference = new ReferenceData(regions, units, new CodeListCatalog(rows(seeds, "codelists.csv")),
                indicatorUnits, projectUnits);
        byte[] secret = "ruralstat benchmark, not a real secret".getBytes(StandardCharsets.UTF_8);
        return new RuralstatPasses(new LayoutDetector(matchers), rules,
                new RowValidationItemProcessor(reference, rules, new CadreKeyHasher(secret)));
    }

    private static List<Map<String, String>> rows(Path seeds, String name) throws IOException {
        try (InputStream in = Files.newInputStream(seeds.resolve(name))) {
            return Seeds.rows(in);
        }
    }

    /**
     * Reads and validates every file of {@code files}, {@code threads} files at a time, timing each call of
     * the reader (opening the file included) and of the processor on its own thread.
     */
    Pass run(BenchDrop drop, List<ReturnFile> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (ReturnFile file : files) {
                results.add(pool.submit(() -> file(drop.input().resolve(file.path()), file.submitter())));
            }
            long[] sums = new long[4];
            for (Future<long[]> result : results) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += result.get()[i];
                }
            }
            return new Pass(sums[0], sums[1], (System.nanoTime() - start) / 1e9, sums[2] / 1e9, sums[3] / 1e9,
                    Math.min(threads, files.size()));
        } finally {
            pool.shutdown();
        }
    }

    /** Rows, rejected rows, nanoseconds in the reader, nanoseconds in the processor. */
    private long[] file(Path file, String submitter) {
        long t0 = System.nanoTime();
        SubmissionItemReader reader = new SubmissionItemReader(file, submitter, detector);
        long rows = 0;
        long rejected = 0;
        long validating = 0;
        reader.open(new ExecutionContext());
        try {
            for (SourceRow row = reader.read(); row != null; row = reader.read()) {
                if (row.isProblem()) {
                    throw new IllegalStateException(file + ": " + row.problem());
                }
                if (row.isTotal()) {
                    continue;
                }
                rows++;
                long t1 = System.nanoTime();
                StagedRow staged = processor.process(row);
                validating += System.nanoTime() - t1;
                rejected += "rejected".equals(staged.outcome()) ? 1 : 0;
            }
        } finally {
            reader.close();
        }
        return new long[] {rows, rejected, System.nanoTime() - t0 - validating, validating};
    }
}
