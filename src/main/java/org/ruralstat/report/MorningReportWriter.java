package org.ruralstat.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders one run's morning report as a single self-contained page: UTF-8 XHTML-compatible markup with inline CSS
 * and inline SVG, no script and no external asset; the only links are relative ones to feedback workbooks, and
 * every value from the ledger is escaped.
 */
final class MorningReportWriter {

    private static final String STYLE = stylesheet();

    private final FeedbackLinks links;
    private final Map<String, String> subjectNames;

    /**
     * @param links        links to feedback workbooks from the report's folder
     * @param subjectNames the Chinese name of each subject code (from {@code jobs/*.yml})
     */
    MorningReportWriter(FeedbackLinks links, Map<String, String> subjectNames) {
        this.links = links;
        this.subjectNames = Map.copyOf(subjectNames);
    }

    String render(RunOverview run, LedgerFacts ledger) {
        String status = ReportLabels.jobStatus(run.status()) + " " + run.status();
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<title>ruralstat 晨报 " + Html.text(run.runId()) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header class=\"masthead\">\n<div>\n<h1>ruralstat 晨报<span class=\"en\">Morning report</span></h1>\n"
                + "<p class=\"sub\">乡村振兴报表入库 · 运行 <code>" + Html.text(run.runId()) + "</code></p>\n</div>\n"
                + "<div class=\"pill " + (run.completed() ? "ok" : "failed") + "\">" + Html.text(status) + "</div>\n</header>\n"
                + "<nav class=\"toc\"><a href=\"#run\">运行概况</a><a href=\"#compare\">跨地区比较</a><a href=\"#problems\">常见问题</a>"
                + "<a href=\"#submissions\">报送情况</a><a href=\"#missing\">未报送</a></nav>\n"
                + "<main>\n"
                + new RunSection(subjectNames).render(run, ledger)
                + ComparisonSection.render(ledger)
                + ProblemSection.render(ledger)
                + new SubmissionSection(links, subjectNames).render(ledger)
                + "</main>\n<footer>由 ruralstat 在运行结束时生成 · 数据来自工作仓库 <code>ruralstat.duckdb</code>；"
                + "分析请使用 <code>published/ruralstat.duckdb</code>。"
                + "本页为单一文件，不引用任何外部资源。</footer>\n"
                + "</body>\n</html>\n";
    }

    private static String stylesheet() {
        try (InputStream in = MorningReportWriter.class.getResourceAsStream("morning-report.css")) {
            if (in == null) {
                throw new IllegalStateException("morning-report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
