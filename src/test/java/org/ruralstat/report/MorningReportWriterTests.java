package org.ruralstat.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page from given facts: hostile names stay text, links reach the workbooks, empty and failed sections say so. */
class MorningReportWriterTests {

    private static final String HOSTILE = "<script>alert('收入')</script>&<img src=x onerror=alert(1)>.xlsx";
    private static final Map<String, String> SUBJECTS = Map.of("income", "收入", "sanitation", "人居环境整治项目");

    @TempDir
    Path warehouse;

    private static RunOverview completed() {
        LocalDateTime start = LocalDateTime.of(2026, 11, 23, 11, 4, 53);
        return new RunOverview("20261123T110453.487", "COMPLETED", start, start.plusSeconds(75),
                List.of(new StepTiming("stageSubmissionStep", "COMPLETED", Duration.ofSeconds(9), Duration.ofSeconds(4), 3, 30, 30)),
                List.of());
    }

    private static <T> Rows<T> none() {
        return Rows.of(List.of());
    }

    private static LedgerFacts ledger(Rows<LedgerFacts.SubmissionLine> submissions) {
        return new LedgerFacts(none(), none(), submissions, none(), none(), none(), none(), none(), none());
    }

    private String render(RunOverview run, LedgerFacts ledger) {
        return new MorningReportWriter(new FeedbackLinks(warehouse), SUBJECTS).render(run, ledger);
    }

    private static LedgerFacts.SubmissionLine submission(String fileName, String reason, String feedbackPath) {
        return new LedgerFacts.SubmissionLine(7, "222402", "图们市", "income", "2021", fileName, "rejected", reason,
                3, 0, 3, 0, feedbackPath, "new");
    }

    @Test
    void hostileFileNamesAndReasonsRenderAsTextInAWellFormedPage() throws Exception {
        String html = render(completed(), ledger(Rows.of(List.of(submission(HOSTILE, "<b onmouseover=x>坏</b>", null)))));

        Document page = XhtmlDocuments.parse(html);
        assertThat(XhtmlDocuments.elements(page, "script")).isEmpty();
        assertThat(XhtmlDocuments.elements(page, "img")).isEmpty();
        assertThat(XhtmlDocuments.elements(page, "b")).isEmpty();
        assertThat(XhtmlDocuments.byId(page, "submissions").getTextContent()).contains(HOSTILE).contains("<b onmouseover=x>坏</b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;收入&#39;)&lt;/script&gt;&amp;&lt;img");
    }

    @Test
    void linksFeedbackWorkbooksTwoFoldersUpWithEachSegmentEncoded() throws Exception {
        String name = "回执-2021年 图们市#收入?(csv)%.xlsx";
        Path workbook = Files.createDirectories(warehouse.resolve("feedback/222402")).resolve(name);
        Files.write(workbook, new byte[]{1});
        String html = render(completed(), ledger(Rows.of(List.of(submission("收入.csv", null, "feedback/222402/" + name)))));

        List<String> hrefs = XhtmlDocuments.elements(XhtmlDocuments.parse(html), "a").stream()
                .map(a -> a.getAttribute("href")).filter(h -> !h.startsWith("#")).toList();
        assertThat(hrefs).singleElement().satisfies(href -> {
            assertThat(href).startsWith("../../feedback/222402/").doesNotContain(" ").doesNotContain("#").doesNotContain("?");
            Path fromReport = warehouse.resolve("reports/20261123T110453.487/index.html");
            assertThat(Path.of(fromReport.toUri().resolve(href))).isEqualTo(workbook);
        });
    }

    @Test
    void doesNotLinkWorkbooksThatAreMissingOrOutsideTheWarehouse() throws Exception {
        Files.writeString(warehouse.resolveSibling("secret.xlsx"), "x");
        FeedbackLinks links = new FeedbackLinks(warehouse);
        assertThat(links.href("feedback/222402/回执-不存在.xlsx")).isEmpty();
        assertThat(links.href("../secret.xlsx")).isEmpty();
        assertThat(links.href("/etc/passwd")).isEmpty();
        assertThat(links.href(null)).isEmpty();
    }

    @Test
    void aFailedRunNamesItsStepAndMasksIdNumbersInItsMessages() throws Exception {
        RunOverview failed = new RunOverview("20261123T110453.487", "FAILED", null, null,
                List.of(new StepTiming("publishSnapshotStep", "FAILED", Duration.ofMillis(800), null, 0, 0, 0)),
                List.of("IllegalStateException: 行 4 身份证号 22240119900101123X 无法写入 <snapshot>"));
        String html = render(failed, ledger(Rows.failed("Catalog Error: Table with name etl_submission does not exist!")));

        Element failure = XhtmlDocuments.byId(XhtmlDocuments.parse(html), "failure");
        assertThat(failure.getTextContent()).contains("publishSnapshotStep").contains("222401********23X")
                .contains("<snapshot>").doesNotContain("22240119900101123X");
        assertThat(html).contains("class=\"pill failed\"").contains("暂时无法读取").contains("etl_submission does not exist");
    }

    @Test
    void emptyLedgerGivesNotesAndChartsSayNoData() throws Exception {
        String html = render(completed(), ledger(none()));
        Document page = XhtmlDocuments.parse(html);
        for (String chart : List.of("chart-income", "chart-coverage", "chart-sanitation")) {
            Element group = XhtmlDocuments.byId(page, chart);
            assertThat(XhtmlDocuments.elements(group, "svg")).as(chart).isEmpty();
            assertThat(group.getTextContent()).as(chart).contains("暂无数据");
        }
    }

    @Test
    void thePageIsSelfContained() throws Exception {
        String html = render(completed(), ledger(none()));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\"/>").contains("<style>")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=").doesNotContain("@import").doesNotContain("url(");
    }
}
