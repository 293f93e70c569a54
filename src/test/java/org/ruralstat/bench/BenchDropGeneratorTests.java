package org.ruralstat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.bench.BenchDrop.ReturnFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's drop generator, on a drop of four counties at a fiftieth of the full size. That the job
 * reads every generated row and rejects exactly the deliberate mistakes is checked by the benchmark itself,
 * which fails otherwise.
 */
class BenchDropGeneratorTests {

    private static final int COUNTIES = 4;
    private static final double SCALE = 0.02;

    @TempDir
    static Path temp;
    private static BenchDropGenerator generator;
    private static BenchDrop drop;

    @BeforeAll
    static void generate() throws IOException {
        generator = new BenchDropGenerator(BenchRegions.load(Path.of("seeds/regions.csv")));
        drop = generator.province(temp.resolve("bench/first"), COUNTIES, SCALE);
    }

    @Test
    void writesTheSameBytesOnEveryRun() throws Exception {
        BenchDrop again = generator.province(temp.resolve("bench/second"), COUNTIES, SCALE);
        assertThat(digests(again.input())).isEqualTo(digests(drop.input())).hasSize(COUNTIES * 4);
    }

    @Test
    void writesOneFileOfEachSubjectPerCountyWithTheRowsOfItsSize() {
        assertThat(drop.files()).hasSize(COUNTIES * 4);
        assertThat(drop.files().stream().map(ReturnFile::subject).distinct()).containsExactlyInAnyOrderElementsOf(
                BenchDropGenerator.SUBJECTS);
        // 10,000 rows a county at full size (3,000 cadres and projects, 2,000 income and employment rows),
        // counties weighted 0.6, 0.8, 1.0 and 1.2: 200 rows a county at 0.02, 120 + 160 + 200 + 240 in all
        assertThat(drop.rows()).isEqualTo(720);
        drop.files().forEach(f -> assertThat(f.invalid()).isEqualTo(GeneratedRows.invalidAmong((int) f.rows())));
    }

    @Test
    void mixesTheFormatsAsTheDropsOfAProvinceDo() {
        assertThat(BenchDropGenerator.formatOf(0)).isEqualTo(ReturnFormat.XLSX);
        Map<ReturnFormat, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            counts.merge(BenchDropGenerator.formatOf(i), 1, Integer::sum);
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(ReturnFormat.XLSX, 220, ReturnFormat.XLS, 60,
                ReturnFormat.CSV_UTF8, 60, ReturnFormat.CSV_GBK, 60));
    }

    @Test
    void givesEveryCadreAValidIdNumberExceptTheDeliberateMistakes() throws IOException {
        BenchDrop single = generator.single(temp.resolve("bench/cadres"), "cadres", 500, ReturnFormat.CSV_GBK);
        Path file = single.input().resolve(single.files().get(0).path());
        List<CSVRecord> rows = csv(file, Charset.forName("GBK"));
        assertThat(rows).hasSize(500);
        for (int i = 0; i < rows.size(); i++) {
            String id = rows.get(i).get("身份证号码");
            boolean wrongOnPurpose = GeneratedRows.isInvalid(i) && GeneratedRows.kind(i) == 0;
            assertThat(hasValidCheckCharacter(id)).as("row %d: %s", i, id).isEqualTo(!wrongOnPurpose);
        }
        assertThat(rows.stream().map(r -> r.get("身份证号码")).distinct()).hasSize(500);
    }

    @Test
    void takesAnIncomeReturnLargerThanTheLargestCountyCanFillFromItsPrefectureWithNoKeyTwice() throws IOException {
        BenchRegions regions = BenchRegions.load(Path.of("seeds/regions.csv"));
        BenchRegions.County largest = regions.largest();
        // one row per village, indicator (5) and year (2015 to 2025): the county holds 55 rows a village at most
        int rows = largest.villages().size() * 55 + 1;
        assertThat(regions.enclosing(largest, largest.villages().size())).isSameAs(largest);
        assertThat(regions.enclosing(largest, IndicatorReturns.villagesFor(1_000_000)).code())
                .isEqualTo(largest.code().substring(0, 2) + "0000");

        BenchDrop single = generator.single(temp.resolve("bench/income"), IndicatorReturns.INCOME, rows, ReturnFormat.CSV_UTF8);
        ReturnFile file = single.files().get(0);
        String prefecture = largest.code().substring(0, 4) + "00";
        assertThat(file.submitter()).isEqualTo(prefecture);
        assertThat(file.path()).startsWith(prefecture + "/");
        List<CSVRecord> records = csv(single.input().resolve(file.path()), StandardCharsets.UTF_8);
        assertThat(records).hasSize(rows);
        assertThat(records).allSatisfy(r -> assertThat(r.get("区划代码")).startsWith(prefecture.substring(0, 4)));
        assertThat(records.stream().map(r -> r.get("区划代码") + " " + r.get("指标") + " " + r.get("年度")).distinct())
                .hasSize(rows);
    }

    /** ISO 7064 MOD 11-2 written out, independently of the project's IdNumber. */
    private static boolean hasValidCheckCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * (1 << (17 - i)) % 11;
        }
        int check = (12 - sum % 11) % 11;
        return id.charAt(17) == (check == 10 ? 'X' : (char) ('0' + check));
    }

    private static List<CSVRecord> csv(Path file, Charset charset) throws IOException {
        try (Reader in = Files.newBufferedReader(file, charset)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    digests.put(root.relativize(f).toString(), HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
        }
        return digests;
    }
}
