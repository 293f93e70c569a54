package org.ruralstat.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A generated drop: {@code <root>/input/<submitter>/<file>} and {@code <root>/manifest.csv}, which lists
 * every file with its subject, format, data rows and deliberately invalid rows. The manifest also records
 * the parameters the drop was made with, so an unchanged drop is not written again.
 */
record BenchDrop(Path root, String parameters, List<ReturnFile> files) {

    /** One generated return. {@code format} is xlsx, xls, csv-utf8 or csv-gbk. */
    record ReturnFile(String path, String submitter, String subject, String format, long rows, long invalid) {

        String fileFormat() {
            return format.startsWith("csv") ? "csv" : format;
        }
    }

    private static final String MANIFEST = "manifest.csv";
    private static final String[] COLUMNS = {"path", "submitter", "subject", "format", "rows", "invalid"};

    Path input() {
        return root.resolve("input");
    }

    /**
     * A drop of one file made elsewhere (a held-out return): copied to {@code <root>/input/<submitter>/}, its
     * rows and mistakes unknown (-1) until a run of the job has counted them.
     */
    static BenchDrop external(Path root, Path file, String submitter, String subject) throws IOException {
        BenchFolders.delete(root);
        Path folder = Files.createDirectories(root.resolve("input").resolve(submitter));
        Files.copy(file, folder.resolve(file.getFileName()));
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return new BenchDrop(root, "external " + file, List.of(new ReturnFile(submitter + "/" + name, submitter, subject,
                format, -1, -1)));
    }

    boolean counted() {
        return files.stream().allMatch(f -> f.rows() >= 0);
    }

    /** This one-file drop with the rows and rejected rows a run of the job counted. */
    BenchDrop countedAs(long rows, long rejected) {
        ReturnFile f = files.get(0);
        return new BenchDrop(root, parameters, List.of(new ReturnFile(f.path(), f.submitter(), f.subject(), f.format(),
                rows, rejected)));
    }

    long rows() {
        return files.stream().mapToLong(ReturnFile::rows).sum();
    }

    long invalid() {
        return files.stream().mapToLong(ReturnFile::invalid).sum();
    }

    /** Rows by file format as ruralstat records it (csv, xls, xlsx). */
    Map<String, Long> rowsByFormat() {
        Map<String, Long> rows = new TreeMap<>();
        files.forEach(f -> rows.merge(f.fileFormat(), f.rows(), Long::sum));
        return rows;
    }

    List<ReturnFile> filesWhere(Predicate<ReturnFile> filter) {
        return files.stream().filter(filter).toList();
    }

    void writeManifest() throws IOException {
        try (Writer out = Files.newBufferedWriter(root.resolve(MANIFEST), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setCommentMarker('#').get())) {
            csv.printComment(parameters);
            csv.printRecord((Object[]) COLUMNS);
            for (ReturnFile f : files) {
                csv.printRecord(f.path(), f.submitter(), f.subject(), f.format(), f.rows(), f.invalid());
            }
        }
    }

    /** The drop already at {@code root} if it was made with {@code parameters} and all its files are there. */
    static BenchDrop existing(Path root, String parameters) throws IOException {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.exists(manifest)) {
            return null;
        }
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(in);
            List<ReturnFile> files = new ArrayList<>();
            for (CSVRecord r : parser) {
                files.add(new ReturnFile(r.get("path"), r.get("submitter"), r.get("subject"), r.get("format"),
                        Long.parseLong(r.get("rows")), Long.parseLong(r.get("invalid"))));
            }
            String header = parser.getHeaderComment();
            BenchDrop drop = new BenchDrop(root, parameters, files);
            boolean complete = files.stream().allMatch(f -> Files.exists(drop.input().resolve(f.path())));
            return parameters.equals(header) && complete ? drop : null;
        }
    }
}
