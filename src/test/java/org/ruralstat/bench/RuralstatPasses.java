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
import org.ruralstat.normalize.CodeListCatalog;
import org.ruralstat.normalize.ReferenceData;
import org.ruralstat.normalize.RegionDirectory;
import org.ruralstat.normalize.Seeds;
import org.ruralstat.normalize.UnitCatalog;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.SourceRow;
import org.ruralstat.read.SubmissionItemReader;
import org.ruralstat.subject.HeaderAliasMatcher;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.validate.RowValidationItemProcessor;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.validate.StagedRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * ruralstat's own reader ({@link SubmissionItemReader}, the class the job's staging step reads with) and
 * row validation ({@link RowValidationItemProcessor}) over a drop, without Spring, the job repository or
 * DuckDB: one file per task on as many threads as the job stages with. The difference between the job's
 * staging step and these passes is what staging (the DuckDB appender, chunk transactions, the ledger)
 * costs.
 */
final class RuralstatPasses {

    /** Rows handed on by the reader, rows rejected by validation (0 for parse-only), wall seconds. */
    record Pass(long rows, long rejected, double seconds) {
    }

    private final LayoutDetector detector;
    private final RuleCatalog rules;
    private final RowValidationItemProcessor processor;

    private RuralstatPasses(LayoutDetector detector, RuleCatalog rules, RowValidationItemProcessor processor) {
        this.detector = detector;
        this.rules = rules;
        this.processor = processor;
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

    /** Reads (and, with {@code validate}, validates) every file of {@code files}, {@code threads} files at a time. */
    Pass run(BenchDrop drop, List<ReturnFile> files, int threads, boolean validate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (ReturnFile file : files) {
                results.add(pool.submit(() -> file(drop.input().resolve(file.path()), file.submitter(), validate)));
            }
            long rows = 0;
            long rejected = 0;
            for (Future<long[]> result : results) {
                rows += result.get()[0];
                rejected += result.get()[1];
            }
            return new Pass(rows, rejected, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private long[] file(Path file, String submitter, boolean validate) {
        SubmissionItemReader reader = new SubmissionItemReader(file, submitter, detector, rules);
        long rows = 0;
        long rejected = 0;
        reader.open(new ExecutionContext());
        try {
            for (SourceRow row = reader.read(); row != null; row = reader.read()) {
                if (row.isProblem()) {
                    throw new IllegalStateException(file + ": " + row.fileFinding());
                }
                if (row.isTotal()) {
                    continue;
                }
                rows++;
                if (validate) {
                    StagedRow staged = processor.process(row);
                    rejected += "rejected".equals(staged.outcome()) ? 1 : 0;
                }
            }
        } finally {
            reader.close();
        }
        return new long[] {rows, rejected};
    }
}
