package org.ruralstat.report;

import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.warehouse.SubmissionStatus;

import java.util.List;
import java.util.Map;

/**
 * Who sent what and who is missing: every submission by submitter, subject and period with its status and a link
 * to its feedback workbook, then the counties that have not submitted, summarized by province, subject and year.
 * Both lists are capped and say how many more there are.
 */
final class SubmissionSection {

    static final int MAX_SUBMISSIONS = 300;
    static final int MAX_MISSING_GROUPS = 40;

    private final FeedbackLinks links;
    private final Map<String, String> subjectNames;

    SubmissionSection(FeedbackLinks links, Map<String, String> subjectNames) {
        this.links = links;
        this.subjectNames = Map.copyOf(subjectNames);
    }

    String render(LedgerFacts ledger) {
        return "<section id=\"submissions\">\n" + Html.heading("h2", "报送情况", "Submissions")
                + "<p class=\"lead\">台账中的全部报送，按报送单位、主题和报告期排列；“本次”为本次运行对该文件的处理。"
                + "回执链接指向 <code>feedback/</code> 下的回执工作簿。</p>\n"
                + submissions(ledger.submissions())
                + "</section>\n<section id=\"missing\">\n" + Html.heading("h2", "未报送", "Missing submissions")
                + "<p class=\"lead\">同省其他县已报送、本县尚未报送的主题和年度"
                + "（<code>v_missing_submissions</code>）。</p>\n"
                + missing(ledger.missing())
                + "</section>\n";
    }

    private String submissions(Rows<LedgerFacts.SubmissionLine> submissions) {
        HtmlTable table = new HtmlTable("报送单位 Submitter", "主题", "报告期", "文件 File", "状态 Status",
                "读取", "入库", "拒收", "警告", "本次 This run", "回执 Feedback");
        List<LedgerFacts.SubmissionLine> lines = submissions.rows();
        for (LedgerFacts.SubmissionLine line : lines.subList(0, Math.min(lines.size(), MAX_SUBMISSIONS))) {
            String file = Html.text(PersonalDataMasker.scrub(line.fileName()));
            if (line.statusReason() != null && !SubmissionStatus.of(line.status()).isLoaded()) {
                file += "<span class=\"reason\">" + Html.text(PersonalDataMasker.scrub(line.statusReason())) + "</span>";
            }
            table.row(Markup.code(line.submitterCode(), line.submitterName()),
                    ReportLabels.subject(subjectNames, line.subject()), line.period(), new Markup(file),
                    Markup.tag(line.status(), ReportLabels.status(line.status()), line.status()),
                    line.read(), line.loaded(), line.rejected(), line.warned(),
                    line.outcomeThisRun() == null ? null : ReportLabels.outcome(line.outcomeThisRun()),
                    links.href(line.feedbackPath())
                            .map(href -> new Markup("<a href=\"" + Html.text(href) + "\">回执</a>"))
                            .orElse(null));
        }
        return table.render(submissions, "台账中还没有报送。") + more(lines.size(), MAX_SUBMISSIONS, "份报送");
    }

    private String missing(Rows<LedgerFacts.MissingGroup> missing) {
        HtmlTable table = new HtmlTable("省份 Province", "主题 Subject", "年度 Year", "未报送县数 Counties",
                "县（市、区） Counties");
        List<LedgerFacts.MissingGroup> groups = missing.rows();
        for (LedgerFacts.MissingGroup group : groups.subList(0, Math.min(groups.size(), MAX_MISSING_GROUPS))) {
            String names = group.firstCounties() == null ? "" : group.firstCounties();
            long shown = names.isEmpty() ? 0 : names.split("、").length;
            table.row(Markup.code(group.provinceCode(), group.provinceName()),
                    ReportLabels.subject(subjectNames, group.subject()), String.valueOf(group.year()), group.counties(),
                    names + (group.counties() > shown ? "……等 " + Html.count(group.counties()) + " 个" : ""));
        }
        long counties = groups.stream().mapToLong(LedgerFacts.MissingGroup::counties).sum();
        String total = groups.isEmpty() ? ""
                : "<p class=\"note\">合计 " + Html.count(counties) + " 个县·主题·年度未报送。</p>\n";
        return total + table.render(missing, "没有发现未报送的县。") + more(groups.size(), MAX_MISSING_GROUPS, "项");
    }

    static String more(int total, int shown, String what) {
        return total > shown ? "<p class=\"more\">另有 " + Html.count(total - shown) + " " + Html.text(what) + "未列出。</p>\n" : "";
    }
}
