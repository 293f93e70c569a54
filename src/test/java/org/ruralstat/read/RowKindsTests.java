package org.ruralstat.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RowKindsTests {

    /** Cells of a row written as one string, separated by '|'. */
    private static RawRow row(String cells) {
        return new RawRow(12, Arrays.stream(cells.split("\\|", -1)).map(CellValue::text).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "合计||100",
            "小计|5",
            "总计|5",
            "共计|5",
            "合  计|5",
            "合計|5",
            "全县合计|5",
            "全州合计|5",
            "全镇合计|5",
            "合计（万元）|5",
            "小计：|5",
            "Total|5",
            "TOTAL:|5",
            "subtotal|3",
            "Grand Total|5",
            "SUM|5",
            "总合计|5",
            "合计数|5",
            "1|合计|100",
            "||合计|100"})
    void recognizesTotalRows(String cells) {
        RawRow row = row(cells);
        assertThat(RowKinds.isTotal(row)).isTrue();
        assertThat(RowKinds.isFooter(row)).isFalse();
    }

    /** Banners (旗) and leagues (盟) total like counties; a bracketed 县（市、区） is still a county total. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"全旗合计|5", "全盟合计|5", "全县（市、区）合计|5", "全市（州）合计|5"})
    void recognizesTotalRowsOfBannersLeaguesAndBracketedLevels(String cells) {
        assertThat(RowKinds.isTotal(row(cells))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "填表人：张三||审核人：李四",
            "填表人|张三",
            "填報人：張三",
            " 填表人 : 张三",
            "审核人：李四",
            "审核|1",
            "单位负责人：王五|填表人：张三",
            "分管领导：赵六",
            "填报日期：2022年6月20日",
            "制表日期：2022-06-20",
            "备注：无",
            "备注",
            "注：1.数据来源于统计年鉴",
            "说明：本表金额单位为万元",
            "数据来源：国家统计局",
            "|填表人：张三"})
    void recognizesFooterLines(String cells) {
        RawRow row = row(cells);
        assertThat(RowKinds.isFooter(row)).isTrue();
        assertThat(RowKinds.isTotal(row)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1|张三|11010519491231002X|县级|第一书记|笠峰村",
            "图们市|15000|12000",
            "合作社|5",
            "1|2|3|合计",
            "注意事项|a|b",
            "注册资本|1",
            "说明书|1",
            "备注栏|x",
            "审核|1|2|3|4|5|6|7",
            "笠峰村污水管网|月晴镇|污水管网|1200",
            "2022|转移就业人数|1500"})
    void takesOrdinaryDataRowsForNeither(String cells) {
        RawRow row = row(cells);
        assertThat(RowKinds.isTotal(row)).isFalse();
        assertThat(RowKinds.isFooter(row)).isFalse();
    }
}
