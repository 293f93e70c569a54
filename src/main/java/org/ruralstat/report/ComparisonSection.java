package org.ruralstat.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Charts for cross-region comparison, drawn from the warehouse as it stands after the run: rural per-capita
 * income by county against the province median (one chart per province, its latest year), first-secretary
 * coverage of villages and sanitation investment by county.
 */
final class ComparisonSection {

    /** A province with more counties than this gets horizontal bars, so every name stays readable. */
    static final int MAX_COLUMNS = 16;
    private static final double WIDTH = 560;

    private ComparisonSection() {
    }

    static String render(LedgerFacts ledger) {
        return "<section id=\"compare\">\n" + Html.heading("h2", "跨地区比较", "Cross-region comparison")
                + "<p class=\"lead\">本次运行后仓库中的全部已入库数据。</p>\n"
                + Html.heading("h3", "农村居民人均可支配收入与省内中位数",
                        "Rural per-capita disposable income by county against the province median")
                + income(ledger.income())
                + "<div class=\"grid two\">\n<div>\n" + Html.heading("h3", "第一书记覆盖率", "First-secretary coverage of villages")
                + coverage(ledger.coverage())
                + "</div>\n<div>\n" + Html.heading("h3", "人居环境整治投资", "Sanitation investment by county")
                + sanitation(ledger.sanitation())
                + "</div>\n</div>\n</section>\n";
    }

    private static String income(Rows<LedgerFacts.CountyIncome> income) {
        if (income.failure() != null) {
            return group("chart-income", HtmlTable.unavailable(income.failure()));
        }
        Map<String, List<LedgerFacts.CountyIncome>> byProvince = new LinkedHashMap<>();
        income.rows().forEach(c -> byProvince.computeIfAbsent(c.provinceCode(), k -> new ArrayList<>()).add(c));
        StringBuilder figures = new StringBuilder("<div class=\"grid two\">\n");
        for (List<LedgerFacts.CountyIncome> counties : byProvince.values()) {
            LedgerFacts.CountyIncome first = counties.get(0);
            String province = first.provinceName() == null ? first.provinceCode() : first.provinceName();
            String title = province + " " + first.year() + "年 各县农村居民人均可支配收入";
            List<ChartBar> bars = counties.stream().map(c -> new ChartBar(c.countyCode(), c.countyName(), c.incomeYuan(),
                    Html.decimal(c.incomeYuan(), 0))).toList();
            ChartData data = new ChartData(title, "元", bars,
                    new ReferenceLine("省内中位数", first.provinceMedianYuan(), Html.decimal(first.provinceMedianYuan(), 0)));
            Chart chart = bars.size() > MAX_COLUMNS ? new BarChart(WIDTH) : new ColumnChart(WIDTH);
            figures.append(figure("income", province + " · " + first.year() + "年",
                    first.countiesReported() + " / " + first.countiesExpected() + " 个县（市、区）报送（覆盖率 "
                            + Math.round(100.0 * first.countiesReported() / Math.max(1, first.countiesExpected()))
                            + "%）；中位数按省内已报送的县计算", chart.render(data)));
        }
        String body = byProvince.isEmpty() ? SvgText.noData() : figures.append("</div>\n").toString();
        return group("chart-income", body);
    }

    private static String coverage(Rows<LedgerFacts.CountyCoverage> coverage) {
        if (coverage.failure() != null) {
            return group("chart-coverage", HtmlTable.unavailable(coverage.failure()));
        }
        List<ChartBar> bars = coverage.rows().stream().map(c -> new ChartBar(c.countyCode(),
                c.countyName() + "（" + c.year() + "）", c.percent(),
                Html.decimal(c.percent(), 1) + "% · " + c.covered() + "/" + c.villages() + " 村")).toList();
        ChartData data = new ChartData("各县有第一书记的村占全部行政村的比例", "%", bars, null);
        return group("chart-coverage", figure("coverage", "有第一书记的行政村占比",
                "各县最近一个报送年度；行政村数取自区划库中名称含“村”的村级单位",
                new BarChart(WIDTH).render(data)));
    }

    private static String sanitation(Rows<LedgerFacts.CountyInvestment> sanitation) {
        if (sanitation.failure() != null) {
            return group("chart-sanitation", HtmlTable.unavailable(sanitation.failure()));
        }
        List<ChartBar> bars = sanitation.rows().stream().map(c -> new ChartBar(c.countyCode(),
                c.countyName() + "（" + years(c) + "）", c.investmentYuan() / 10_000,
                Html.decimal(c.investmentYuan() / 10_000, 1) + " · " + c.villages() + " 村 " + c.projects() + " 项")).toList();
        ChartData data = new ChartData("各县人居环境整治项目累计投资（万元）", "万元", bars, null);
        return group("chart-sanitation", figure("sanitation", "项目累计投资",
                "各县报送的全部年度；仓库以元存储，此处折算为万元", new BarChart(WIDTH).render(data)));
    }

    private static String years(LedgerFacts.CountyInvestment county) {
        return county.firstYear() == county.lastYear() ? String.valueOf(county.firstYear())
                : county.firstYear() + "–" + county.lastYear();
    }

    private static String figure(String kind, String caption, String note, String chart) {
        return "<figure class=\"" + kind + "\"><figcaption>" + Html.text(caption) + "<span class=\"note\">" + Html.text(note)
                + "</span></figcaption>\n" + chart + "</figure>\n";
    }

    private static String group(String id, String body) {
        return "<div class=\"chart-group\" id=\"" + id + "\">\n" + body + "</div>\n";
    }
}
