package org.ruralstat.report;

import org.ruralstat.text.PersonalDataMasker;

/** The most frequent validation problems by rule, in this run's submissions and in all of them, with an example each. */
final class ProblemSection {

    private ProblemSection() {
    }

    static String render(LedgerFacts ledger) {
        return "<section id=\"problems\">\n" + Html.heading("h2", "常见校验问题", "Most frequent validation problems")
                + "<p class=\"lead\">按规则编号统计（规则见 <code>jobs/*.yml</code>）；"
                + "error 行未入库，warning 行已入库并标记。</p>\n"
                + "<div class=\"grid two\">\n<div>\n" + Html.heading("h3", "本次运行", "This run")
                + table(ledger.problemsThisRun(), "本次运行的报送没有发现问题。")
                + "</div>\n<div>\n" + Html.heading("h3", "全部报送", "All submissions")
                + table(ledger.problemsOverall(), "台账中没有记录问题。")
                + "</div>\n</div>\n</section>\n";
    }

    private static String table(Rows<LedgerFacts.ProblemCount> problems, String emptyNote) {
        HtmlTable table = new HtmlTable("规则 Rule", "级别", "问题数", "涉及报送", "示例 Example");
        problems.rows().forEach(p -> table.row(Markup.code(p.rule(), null),
                Markup.tag(p.severity(), ReportLabels.severity(p.severity()), p.severity()),
                p.findings(), p.submissions(), PersonalDataMasker.scrub(p.exampleZh())));
        return table.render(problems, emptyNote);
    }
}
