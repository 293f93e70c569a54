package org.ruralstat.report;

import org.ruralstat.warehouse.RunFileOutcome;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The first section of the morning report: when the run ran, whether it completed and, when it did not, which
 * step failed and why; then files by outcome, time per step and rows per subject taken in by this run.
 */
final class RunSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, String> subjectNames;

    RunSection(Map<String, String> subjectNames) {
        this.subjectNames = Map.copyOf(subjectNames);
    }

    String render(RunOverview run, LedgerFacts ledger) {
        StringBuilder out = new StringBuilder("<section id=\"run\">\n").append(Html.heading("h2", "运行概况", "Run summary"));
        out.append("<dl class=\"facts\">")
                .append(fact("运行编号 Run id", Markup.code(run.runId(), null).html()))
                .append(fact("状态 Status", Html.text(ReportLabels.jobStatus(run.status()) + " " + run.status())))
                .append(fact("开始 Start", Html.text(time(run.start()))))
                .append(fact("结束 End", Html.text(time(run.end()))))
                .append(fact("耗时 Duration", Html.text(ReportLabels.duration(run.duration()))))
                .append("</dl>\n");
        if (!run.completed()) {
            out.append(failure(run));
        }
        out.append(kpis(ledger));
        out.append("<div class=\"grid two\">\n<div>\n").append(Html.heading("h3", "本次文件处理结果", "Files by outcome"))
                .append(outcomes(ledger.outcomes()))
                .append("</div>\n<div>\n").append(Html.heading("h3", "各步骤耗时", "Time per step"))
                .append(steps(run.steps()))
                .append("</div>\n</div>\n").append(Html.heading("h3", "本次各主题行数", "Rows per subject this run"))
                .append(subjects(ledger.subjects()));
        return out.append("</section>\n").toString();
    }

    private static String failure(RunOverview run) {
        StringBuilder out = new StringBuilder("<div class=\"alert\" id=\"failure\">\n")
                .append(Html.heading("h3", "本次运行未完成", "The run did not complete"));
        List<String> failed = run.failedSteps();
        out.append("<p>失败步骤 Failed step：").append(failed.isEmpty() ? "—" : String.join("、", failed.stream()
                .map(s -> Markup.code(s, "（" + ReportLabels.step(s) + "）").html()).toList()))
                .append("</p>\n");
        if (!run.failures().isEmpty()) {
            out.append("<ul>\n");
            run.failures().forEach(message -> out.append("<li>").append(Html.text(message)).append("</li>\n"));
            out.append("</ul>\n");
        }
        return out.append("<p class=\"note\">分析快照 published/ruralstat.duckdb 只在运行成功后替换，仍是上次成功运行的数据；")
                .append("排除故障后重新运行即可，已入库的文件不会重复处理。</p>\n</div>\n").toString();
    }

    private static String kpis(LedgerFacts ledger) {
        long fresh = 0;
        long known = 0;
        long duplicates = 0;
        for (LedgerFacts.OutcomeCount outcome : ledger.outcomes().rows()) {
            RunFileOutcome code = RunFileOutcome.orNull(outcome.outcome());
            if (code != null && code.isFresh()) {
                fresh += outcome.files();
            } else if (code == RunFileOutcome.ALREADY_LOADED) {
                known += outcome.files();
            } else if (code == RunFileOutcome.DUPLICATE) {
                duplicates += outcome.files();
            }
        }
        List<LedgerFacts.SubjectRows> subjects = ledger.subjects().rows();
        long rejected = subjects.stream().mapToLong(LedgerFacts.SubjectRows::rejected).sum();
        long warned = subjects.stream().mapToLong(LedgerFacts.SubjectRows::warned).sum();
        return "<div class=\"kpis\">\n"
                + kpi("本次新文件", "New files", fresh, "")
                + kpi("已入库未重复处理", "Already loaded", known, "")
                + kpi("内容重复", "Duplicates", duplicates, "")
                + kpi("读取行", "Rows read", subjects.stream().mapToLong(LedgerFacts.SubjectRows::read).sum(), "")
                + kpi("入库行", "Rows loaded", subjects.stream().mapToLong(LedgerFacts.SubjectRows::loaded).sum(), "")
                + kpi("拒收行", "Rows rejected", rejected, rejected > 0 ? " bad" : "")
                + kpi("带警告行", "Rows warned", warned, warned > 0 ? " warn" : "")
                + "</div>\n";
    }

    private static String outcomes(Rows<LedgerFacts.OutcomeCount> outcomes) {
        HtmlTable table = new HtmlTable("处理结果 Outcome", "代码", "文件数 Files");
        outcomes.rows().forEach(o -> table.row(ReportLabels.outcome(o.outcome()), Markup.code(o.outcome(), null), o.files()));
        return table.render(outcomes, "本次运行没有见到任何文件。");
    }

    private static String steps(List<StepTiming> steps) {
        HtmlTable table = new HtmlTable("步骤 Step", "状态", "耗时", "读取", "写入");
        for (StepTiming step : steps) {
            String name = Markup.code(step.name(), ReportLabels.step(step.name())).html();
            if (step.partitions() > 0) {
                name += "<span class=\"reason\">" + step.partitions() + " 个分区，耗时合计；最长 "
                        + Html.text(ReportLabels.duration(step.longest())) + "</span>";
            }
            Markup status = Markup.tag(step.status(), ReportLabels.jobStatus(step.status()), step.failed() ? "error" : "loaded");
            table.row(new Markup(name), status, step.duration(), step.read(), step.written());
        }
        return table.render("没有步骤执行记录。");
    }

    private String subjects(Rows<LedgerFacts.SubjectRows> subjects) {
        HtmlTable table = new HtmlTable("主题 Subject", "状态 Status", "文件", "读取 Read", "入库 Loaded", "拒收 Rejected",
                "警告 Warned");
        subjects.rows().forEach(s -> table.row(ReportLabels.subject(subjectNames, s.subject()),
                Markup.tag(s.status(), ReportLabels.status(s.status()), s.status()),
                s.files(), s.read(), s.loaded(), s.rejected(), s.warned()));
        return table.render(subjects, "本次运行没有新的报送入库。");
    }

    private static String fact(String name, String valueHtml) {
        return "<div><dt>" + Html.text(name) + "</dt><dd>" + valueHtml + "</dd></div>";
    }

    private static String kpi(String name, String english, long value, String cssClass) {
        return "<div class=\"kpi" + cssClass + "\"><div class=\"value\">" + Html.count(value) + "</div><div class=\"name\">"
                + Html.text(name) + " · " + Html.text(english) + "</div></div>\n";
    }

    private static String time(LocalDateTime time) {
        return time == null ? "—" : time.format(TIME);
    }
}
