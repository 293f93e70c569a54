package org.ruralstat.report;

import org.ruralstat.job.ExitCodes;
import org.ruralstat.job.SharedApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real job over a copy of the demo drop plus one file with a hostile name: the morning report of each run is
 * written to {@code reports/<run id>/} and {@code reports/latest/}, well-formed, self-contained, with the three
 * comparison charts and working links to every feedback workbook; a failed run gets its report too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MorningReportFunctionalTests {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>说明.csv";
    private static final List<String> YANBIAN = List.of("222401", "222402", "222403", "222404", "222405", "222406", "222424", "222426");

    @TempDir
    static Path temp;

    private Path warehouse;
    private String firstRunId;
    private String firstRunPage;
    private long files;

    @BeforeAll
    void runTheDemoDrop() throws Exception {
        copyTree(Path.of("input"), temp.resolve("input"));
        Files.writeString(temp.resolve("input/222402").resolve(HOSTILE), "这是一份说明，不是报表\n请查收\n", StandardCharsets.UTF_8);
        try (Stream<Path> walk = Files.walk(temp.resolve("input"))) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(temp.resolve("input"))).count();
        }
        warehouse = temp.resolve("warehouse");
        assertThat(run(temp.resolve("input"), warehouse)).isZero();
        firstRunId = runIds().get(0);
        firstRunPage = Files.readString(warehouse.resolve("reports").resolve(firstRunId).resolve("index.html"));
    }

    private static int run(Path input, Path warehouse) {
        return SharedApplication.run(input, warehouse);
    }

    private List<String> runIds() throws IOException {
        try (Stream<Path> folders = Files.list(warehouse.resolve("reports"))) {
            return folders.map(p -> p.getFileName().toString()).filter(n -> !n.equals("latest")).sorted().toList();
        }
    }

    @Test
    void eachRunHasItsReportAndTheNewestIsAlsoLatest() throws Exception {
        assertThat(firstRunId).matches("\\d{8}T\\d{6}\\.\\d{3}");
        assertThat(firstRunPage).contains(firstRunId).contains("完成 COMPLETED");
        assertThat(XhtmlDocuments.byId(XhtmlDocuments.parse(firstRunPage), "run").getTextContent())
                .contains("本次新文件").contains(String.valueOf(files));

        assertThat(run(temp.resolve("input"), warehouse)).isZero();

        List<String> runs = runIds();
        assertThat(runs).hasSize(2).first().isEqualTo(firstRunId);
        String latest = Files.readString(warehouse.resolve("reports/latest/index.html"));
        assertThat(latest).isEqualTo(Files.readString(warehouse.resolve("reports").resolve(runs.get(1)).resolve("index.html")));
        assertThat(XhtmlDocuments.byId(XhtmlDocuments.parse(latest), "run").getTextContent())
                .contains(runs.get(1)).contains("已入库，未重复处理").contains("本次运行没有新的报送入库");
        assertThat(Files.readString(warehouse.resolve("reports").resolve(firstRunId).resolve("index.html"))).isEqualTo(firstRunPage);
    }

    @Test
    void theReportIsWellFormedSelfContainedAndKeepsAHostileFileNameAsText() throws Exception {
        Document page = XhtmlDocuments.parse(firstRunPage);
        assertThat(firstRunPage).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\"/>")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(XhtmlDocuments.elements(page, "script")).isEmpty();
        assertThat(XhtmlDocuments.elements(page, "img")).isEmpty();
        assertThat(XhtmlDocuments.elements(page, "link")).isEmpty();
        assertThat(XhtmlDocuments.elements(page, "*")).allSatisfy(e -> assertThat(e.hasAttribute("src")).as(e.getTagName()).isFalse());
        assertThat(XhtmlDocuments.byId(page, "submissions").getTextContent()).contains(HOSTILE);
    }

    @Test
    void theThreeChartsHaveBarsForKnownCounties() throws Exception {
        Document page = XhtmlDocuments.parse(firstRunPage);
        assertThat(keys(page, "chart-income")).containsAll(YANBIAN).contains("140502", "350982");
        assertThat(keys(page, "chart-coverage")).containsAll(YANBIAN);
        assertThat(keys(page, "chart-sanitation")).contains("222402", "222424", "350982");
        assertThat(XhtmlDocuments.byId(page, "chart-income").getTextContent()).contains("吉林省").contains("省内中位数 15,545")
                .containsPattern("8 / \\d+ 个县（市、区）报送");
    }

    private static List<String> keys(Document page, String chart) {
        Element group = XhtmlDocuments.byId(page, chart);
        assertThat(XhtmlDocuments.elements(group, "svg")).as(chart).isNotEmpty();
        return XhtmlDocuments.elements(group, "rect").stream().map(r -> r.getAttribute("data-key")).filter(k -> !k.isEmpty()).toList();
    }

    @Test
    void everySubmissionLinksToItsFeedbackWorkbookOnDisk() throws Exception {
        for (Path report : List.of(warehouse.resolve("reports").resolve(firstRunId).resolve("index.html"),
                warehouse.resolve("reports/latest/index.html"))) {
            List<String> hrefs = XhtmlDocuments.elements(XhtmlDocuments.parse(Files.readString(report)), "a").stream()
                    .map(a -> a.getAttribute("href")).filter(h -> !h.startsWith("#")).toList();
            assertThat(hrefs).hasSize((int) files).allSatisfy(href -> {
                assertThat(href).startsWith("../../feedback/");
                Path target = Path.of(report.toUri().resolve(href));
                assertThat(target).isRegularFile().startsWith(warehouse.resolve("feedback"));
            });
        }
        // the receipt of the file named <img src=x onerror=alert(1)> is linked, its name encoded, never as markup
        assertThat(firstRunPage).contains("img%20src%3Dx%20onerror%3Dalert%281%29").doesNotContain("<img src=x");
    }

    @Test
    void theMostFrequentProblemsOfTheRunAreListed() throws Exception {
        String problems = XhtmlDocuments.byId(XhtmlDocuments.parse(firstRunPage), "problems").getTextContent();
        assertThat(problems).contains("SAN-003", "SAN-004", "ROW-002", "ROW-005", "FILE-010");
        String missing = XhtmlDocuments.byId(XhtmlDocuments.parse(firstRunPage), "missing").getTextContent();
        assertThat(missing).contains("山西省").contains("未报送");
    }

    @Test
    void aFailedRunGetsAReportNamingTheFailedStep(@TempDir Path failing) throws Exception {
        Path input = Files.createDirectories(failing.resolve("input/222402"));
        Files.writeString(input.resolve("2021年收入.csv"), "地区,年度,农村居民人均可支配收入（元）\n图们市,2021,15213\n", StandardCharsets.UTF_8);
        Path blocked = Files.createDirectories(failing.resolve("warehouse"));
        Files.writeString(blocked.resolve("published"), "a file where the snapshot folder should be");

        assertThat(run(failing.resolve("input"), blocked)).isEqualTo(ExitCodes.FAILED);

        String latest = Files.readString(blocked.resolve("reports/latest/index.html"));
        Document page = XhtmlDocuments.parse(latest);
        assertThat(latest).contains("失败 FAILED");
        assertThat(XhtmlDocuments.byId(page, "failure").getTextContent()).contains("publishSnapshotStep");
        assertThat(XhtmlDocuments.byId(page, "submissions").getTextContent()).contains("2021年收入.csv");
        assertThat(keys(page, "chart-income")).containsExactly("222402");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
