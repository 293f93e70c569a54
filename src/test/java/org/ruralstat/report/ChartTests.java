package org.ruralstat.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two chart kinds: empty data, long and hostile labels, reference lines, odd values, round axes. */
class ChartTests {

    private static final List<Chart> CHARTS = List.of(new BarChart(560), new ColumnChart(560));

    private static ChartData data(List<ChartBar> bars, ReferenceLine reference) {
        return new ChartData("各县农村居民人均可支配收入", "元", bars, reference);
    }

    @Test
    void noBarsGiveAShortNoteAndNoSvg() {
        for (Chart chart : CHARTS) {
            String html = chart.render(data(List.of(), new ReferenceLine("省内中位数", 100, "100")));
            assertThat(html).contains("暂无数据").doesNotContain("<svg");
        }
    }

    @Test
    void drawsOneRectPerBarWithItsKeyAsWellFormedSvg() throws Exception {
        List<ChartBar> bars = List.of(new ChartBar("222401", "延吉市", 18760, "18,760"),
                new ChartBar("222402", "图们市", 15680, "15,680"), new ChartBar("222406", "和龙市", 14830, "14,830"));
        for (Chart chart : CHARTS) {
            Element svg = XhtmlDocuments.parse(chart.render(data(bars, null))).getDocumentElement();
            assertThat(svg.getTagName()).isEqualTo("svg");
            assertThat(XhtmlDocuments.elements(svg, "rect")).extracting(r -> r.getAttribute("data-key"))
                    .containsExactly("222401", "222402", "222406");
        }
    }

    @Test
    void hostileLabelsAndKeysRenderAsText() throws Exception {
        List<ChartBar> bars = List.of(new ChartBar("\"><script>alert(1)</script>", "<script>alert('县')</script>", 5, "<b>5</b>"));
        for (Chart chart : CHARTS) {
            String svg = chart.render(data(bars, new ReferenceLine("<i>中位数</i>", 3, "&3")));
            assertThat(svg).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<i>").contains("&lt;script&gt;");
            assertThat(XhtmlDocuments.parse(svg).getElementsByTagName("script").getLength()).isZero();
        }
    }

    @Test
    void longLabelsAreShortenedWithTheFullTextInTheTooltip() {
        String name = "某某省某某自治州某某某某某某族自治县经济技术开发区管理委员会";
        for (Chart chart : CHARTS) {
            String svg = chart.render(data(List.of(new ChartBar("1", name, 10, "10"), new ChartBar("2", "短", 8, "8")), null));
            assertThat(svg).contains("<title>" + name + "：10</title>").contains("…");
        }
    }

    @Test
    void aReferenceLineIsDrawnAndBarsAreColouredByTheirSide() {
        List<ChartBar> bars = List.of(new ChartBar("a", "甲", 20, "20"), new ChartBar("b", "乙", 10, "10"));
        for (Chart chart : CHARTS) {
            String svg = chart.render(data(bars, new ReferenceLine("省内中位数", 15, "15")));
            assertThat(svg).contains("class=\"reference\"").contains("省内中位数 15")
                    .contains("class=\"bar above\" data-key=\"a\"").contains("class=\"bar below\" data-key=\"b\"");
        }
    }

    @Test
    void zeroNegativeAndMissingValuesGiveEmptyBarsNotBrokenGeometry() throws Exception {
        List<ChartBar> bars = List.of(new ChartBar("a", "甲", 0, "0"), new ChartBar("b", "乙", -5, "-5"),
                new ChartBar("c", "丙", Double.NaN, "—"));
        for (Chart chart : CHARTS) {
            String svg = chart.render(data(bars, null));
            assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("=\"-");
            assertThat(XhtmlDocuments.elements(XhtmlDocuments.parse(svg).getDocumentElement(), "rect")).hasSize(3);
        }
    }

    @Test
    void manyBarsStayInsideTheChart() {
        List<ChartBar> bars = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> new ChartBar(String.valueOf(i), "第" + i + "个县级行政区", i * 100.0, String.valueOf(i * 100))).toList();
        String svg = new ColumnChart(560).render(data(bars, null));
        assertThat(svg).contains("rotate(-45");
        assertThat(svg.split("<rect").length - 1).isEqualTo(120);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "18760; 20000; 0 | 5,000 | 10,000 | 15,000 | 20,000",
            "100; 100; 0 | 20 | 40 | 60 | 80 | 100",
            "46000; 50000; 0 | 10,000 | 20,000 | 30,000 | 40,000 | 50,000",
            "0.7; 0.8; 0.0 | 0.2 | 0.4 | 0.6 | 0.8",
            "0; 1; 0.00 | 0.25 | 0.50 | 0.75 | 1.00"})
    void axesEndOnARoundNumber(double extent, double max, String ticks) {
        ChartAxis axis = ChartAxis.upTo(extent);
        assertThat(axis.max()).isEqualTo(max);
        assertThat(String.join(" | ", axis.ticks().stream().map(axis::label).toList())).isEqualTo(ticks);
    }
}
