package org.ruralstat.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ruralstat.demo.DemoRegions.Township;

/** The employment returns (就业) of the demo drop: Yanbian 2022 plus a few other counties and years. */
final class EmploymentReturns {

    private static final String TRANSFER = "转移就业人数";
    private static final String STABLE = "脱贫劳动力稳定就业人数";
    private static final String POSTS = "公益岗位人数";

    /**
     * Yanbian 2022 per county: transfer employment, poverty-alleviated labour in stable employment,
     * public-welfare posts (posts ≤ stable ≤ transfer). Columns add up to {@link DemoFigures}.
     */
    private static final Map<String, int[]> YANBIAN_2022 = new LinkedHashMap<>();

    static {
        YANBIAN_2022.put("222401", new int[] {4300, 620, 480});
        YANBIAN_2022.put("222402", new int[] {3900, 1050, 760});
        YANBIAN_2022.put("222403", new int[] {11200, 2100, 1520});
        YANBIAN_2022.put("222404", new int[] {6800, 1700, 1234});
        YANBIAN_2022.put("222405", new int[] {6100, 1980, 1450});
        YANBIAN_2022.put("222406", new int[] {7400, 2250, 1640});
        YANBIAN_2022.put("222424", new int[] {8200, 2150, 1590});
        YANBIAN_2022.put("222426", new int[] {6600, 1850, 1274});
    }

    private final DropFolder drop;
    private final DemoRegions regions;

    EmploymentReturns(DropFolder drop, DemoRegions regions) {
        this.drop = drop;
        this.regions = regions;
    }

    void writeAll() throws IOException {
        checkYanbianTable();
        writeYanji();
        writeTumen();
        writeDunhuaByTownship();
        writeHunchunInTenThousands();
        writeLongjing();
        writeHelong();
        writeWangqing();
        writeAntu();
        writeZezhou2020();
        writeGaoping2019();
        writeXiapu2021();
    }

    private static void checkYanbianTable() {
        int[] sums = new int[3];
        for (int[] v : YANBIAN_2022.values()) {
            if (!(v[2] <= v[1] && v[1] <= v[0])) {
                throw new IllegalStateException("posts ≤ stable ≤ transfer violated");
            }
            for (int i = 0; i < 3; i++) {
                sums[i] += v[i];
            }
        }
        if (sums[0] != DemoFigures.YANBIAN_2022_TRANSFER_EMPLOYMENT
                || sums[1] != DemoFigures.YANBIAN_2022_STABLE_EMPLOYMENT_POVERTY_ALLEVIATED
                || sums[2] != DemoFigures.YANBIAN_2022_PUBLIC_WELFARE_POSTS) {
            throw new IllegalStateException("Yanbian employment table does not add up to DemoFigures");
        }
    }

    /** 延吉: wide, one county row, units in the headers, an extra 外出务工人数 column. */
    private void writeYanji() throws IOException {
        int[] v = YANBIAN_2022.get("222401");
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("地区", "区划代码", "年度", TRANSFER + "（人）", STABLE + "（人）", POSTS + "（人）", "外出务工人数（人）")
                .row("延吉市", "222401", 2022, v[0], v[1], v[2], 2650);
        ReturnFiles.xlsx(file("222401", "2022年延吉市农村劳动力就业情况.xlsx"), sheet);
    }

    /** 图们: long layout xlsx, plus a 就地就业人数 row. */
    private void writeTumen() throws IOException {
        int[] v = YANBIAN_2022.get("222402");
        ReturnSheet sheet = ReturnSheet.named("Sheet1").header("地区", "区划代码", "年度", "指标", "数值", "单位")
                .row("图们市", "222402", 2022, TRANSFER, v[0], "人")
                .row("图们市", "222402", 2022, STABLE, v[1], "人")
                .row("图们市", "222402", 2022, POSTS, v[2], "人")
                .row("图们市", "222402", 2022, "就地就业人数", 1460, "人");
        ReturnFiles.xlsx(file("222402", "图们市2022年就业情况统计.xlsx"), sheet);
    }

    /**
     * 敦化: wide, one row per township (9-digit codes), then a 合计 row and footer lines. Each township
     * keeps posts ≤ stable ≤ transfer.
     */
    private void writeDunhuaByTownship() throws IOException {
        Random rnd = DemoDropGenerator.random("employment-222403");
        int[] v = YANBIAN_2022.get("222403");
        List<Township> townships = regions.ruralTownships("222403");
        int n = townships.size();
        long[] posts = Shares.split(v[2], Shares.randomWeights(n, 0.5, 1.5, rnd));
        long[] stableExtra = Shares.split(v[1] - v[2], Shares.randomWeights(n, 0.5, 1.5, rnd));
        long[] transferExtra = Shares.split(v[0] - v[1], Shares.randomWeights(n, 0.5, 1.5, rnd));
        ReturnSheet sheet = ReturnSheet.named("分乡镇").title("敦化市2022年农村劳动力转移就业情况统计表")
                .header("序号", "地区", "区划代码", TRANSFER + "（人）", STABLE + "（人）", POSTS + "（人）");
        for (int i = 0; i < n; i++) {
            long stable = posts[i] + stableExtra[i];
            sheet.row(i + 1, townships.get(i).name(), townships.get(i).code(),
                    stable + transferExtra[i], stable, posts[i]);
        }
        sheet.row("合计", null, null, v[0], v[1], v[2])
                .footer("填表人：刘雪梅", "审核人：王东升", "填报日期：2023年1月12日");
        ReturnFiles.xlsx(file("222403", "敦化市2022年农村劳动力转移就业情况（分乡镇）.xlsx"), sheet);
    }

    /** 珲春: long layout with the values in 万人 (0.68万人 = 6,800 persons). */
    private void writeHunchunInTenThousands() throws IOException {
        int[] v = YANBIAN_2022.get("222404");
        ReturnSheet sheet = ReturnSheet.named("Sheet1").header("地区", "区划代码", "年度", "指标", "数值", "单位")
                .row("珲春市", "222404", 2022, TRANSFER, inTenThousands(v[0]), "万人")
                .row("珲春市", "222404", 2022, STABLE, inTenThousands(v[1]), "万人")
                .row("珲春市", "222404", 2022, POSTS, inTenThousands(v[2]), "万人");
        ReturnFiles.xlsx(file("222404", "珲春市2022年就业情况.xlsx"), sheet);
    }

    /** 龙井: long layout, CSV in UTF-8 with BOM. */
    private void writeLongjing() throws IOException {
        int[] v = YANBIAN_2022.get("222405");
        ReturnSheet sheet = ReturnSheet.named("").header("年度", "地区", "区划代码", "指标名称", "数值", "单位")
                .row(2022, "龙井市", "222405", TRANSFER, v[0], "人")
                .row(2022, "龙井市", "222405", STABLE, v[1], "人")
                .row(2022, "龙井市", "222405", POSTS, v[2], "人")
                .row(2022, "龙井市", "222405", "外出务工人数", 3870, "人");
        ReturnFiles.csv(file("222405", "2022年龙井市就业数据.csv"), sheet, StandardCharsets.UTF_8, true);
    }

    /** 和龙: wide, one county row under a title with the year. */
    private void writeHelong() throws IOException {
        int[] v = YANBIAN_2022.get("222406");
        ReturnSheet sheet = ReturnSheet.named("Sheet1").title("和龙市2022年农村劳动力就业情况统计表")
                .header("地区", "区划代码", TRANSFER + "（人）", STABLE + "（人）", POSTS + "（人）", "就地就业人数（人）")
                .row("和龙市", "222406", v[0], v[1], v[2], 2380);
        ReturnFiles.xlsx(file("222406", "和龙市2022年就业情况统计表.xlsx"), sheet);
    }

    /** 汪清: long layout with alias indicator names and footer lines. */
    private void writeWangqing() throws IOException {
        int[] v = YANBIAN_2022.get("222424");
        ReturnSheet sheet = ReturnSheet.named("Sheet1").header("地区", "区划代码", "年度", "指标", "数值", "单位")
                .row("汪清县", "222424", 2022, "农村劳动力转移就业人数", v[0], "人")
                .row("汪清县", "222424", 2022, "脱贫人口稳定就业人数", v[1], "人")
                .row("汪清县", "222424", 2022, "公益性岗位人数", v[2], "人")
                .footer("填表人：方顺姬", "审核人：韩成龙", "填报日期：2023年1月10日");
        ReturnFiles.xlsx(file("222424", "2022年汪清县就业情况.xlsx"), sheet);
    }

    /** 安图: wide, 县市区 + 年份. */
    private void writeAntu() throws IOException {
        int[] v = YANBIAN_2022.get("222426");
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("县市区", "年份", TRANSFER + "（人）", STABLE + "（人）", POSTS + "（人）")
                .row("安图县", 2022, v[0], v[1], v[2]);
        ReturnFiles.xlsx(file("222426", "安图县2022年就业情况.xlsx"), sheet);
    }

    /** 泽州 2020: wide, one county row (outside the Yanbian figures). */
    private void writeZezhou2020() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("地区", "区划代码", "年度", TRANSFER + "（人）", STABLE + "（人）", POSTS + "（人）")
                .row("泽州县", "140525", 2020, 38600, 9120, 1860);
        ReturnFiles.xlsx(file("140525", "泽州县2020年就业扶贫情况.xlsx"), sheet);
    }

    /** 高平 2019: long layout, CSV in UTF-8 with BOM. */
    private void writeGaoping2019() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("").header("地区", "区划代码", "年度", "指标", "数值", "单位")
                .row("高平市", "140581", 2019, TRANSFER, 41200, "人")
                .row("高平市", "140581", 2019, "外出务工人数", 23800, "人")
                .row("高平市", "140581", 2019, "就地就业人数", 17400, "人");
        ReturnFiles.csv(file("140581", "高平市2019年农村劳动力转移就业统计.csv"), sheet, StandardCharsets.UTF_8, true);
    }

    /** 霞浦 2021: wide with local and migrant employment. */
    private void writeXiapu2021() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("地区", "区划代码", "年度", TRANSFER + "（人）", "就地就业人数（人）", "外出务工人数（人）")
                .row("霞浦县", "350921", 2021, 52300, 21600, 30700);
        ReturnFiles.xlsx(file("350921", "霞浦县2021年就业情况.xlsx"), sheet);
    }

    /** Persons as 万人, exact with at most four decimals (1,234 persons = 0.1234万人). */
    private static BigDecimal inTenThousands(int persons) {
        return BigDecimal.valueOf(persons, 4).stripTrailingZeros();
    }

    private Path file(String submitter, String name) throws IOException {
        return drop.file(submitter, name);
    }
}
