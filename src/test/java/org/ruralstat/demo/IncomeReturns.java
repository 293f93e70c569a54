package org.ruralstat.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ruralstat.demo.DemoRegions.Village;

/** The income returns (收入) of the demo drop, in wide and long layouts. */
final class IncomeReturns {

    private static final String RURAL_INCOME = "农村居民人均可支配收入";
    private static final int[] YEARS = {2019, 2020, 2021, 2022};

    /** 农村居民人均可支配收入 (yuan) of every county in the drop, 2019 to 2022. */
    private static final Map<String, int[]> RURAL_INCOME_BY_COUNTY = new LinkedHashMap<>();

    static {
        RURAL_INCOME_BY_COUNTY.put("222401", new int[] {15820, 16650, 17930, 18760});
        RURAL_INCOME_BY_COUNTY.put("222402", new int[] {13240, 13890, 14970, 15680});
        RURAL_INCOME_BY_COUNTY.put("222403", new int[] {14560, 15290, 16470, 17220});
        RURAL_INCOME_BY_COUNTY.put("222404", new int[] {15170, 15910, 17150, 17940});
        RURAL_INCOME_BY_COUNTY.put("222405", new int[] {12980, 13640, 14700, 15410});
        RURAL_INCOME_BY_COUNTY.put("222406", new int[] {12460, 13120, 14150, 14830});
        RURAL_INCOME_BY_COUNTY.put("222424", new int[] {12710, 13350, 14390, 15090});
        RURAL_INCOME_BY_COUNTY.put("222426", new int[] {12590, 13240, 14270, 14960});
        RURAL_INCOME_BY_COUNTY.put("140502", new int[] {19860, 20850, 22560, 23780});
        RURAL_INCOME_BY_COUNTY.put("140521", new int[] {12130, 12940, 14070, 14880});
        RURAL_INCOME_BY_COUNTY.put("140522", new int[] {15420, 16370, 17790, 18760});
        RURAL_INCOME_BY_COUNTY.put("140524", new int[] {10860, 11620, 12660, 13420});
        RURAL_INCOME_BY_COUNTY.put("140525", new int[] {15110, 16050, 17440, 18410});
        RURAL_INCOME_BY_COUNTY.put("140581", new int[] {15680, 16640, 18090, 19070});
        RURAL_INCOME_BY_COUNTY.put("350982", new int[] {20340, 21460, 23120, 24350});
        RURAL_INCOME_BY_COUNTY.put("350981", new int[] {20150, 21240, 22930, 24120});
        RURAL_INCOME_BY_COUNTY.put("350921", new int[] {19420, 20480, 22110, 23280});
    }

    /** Yanbian counties reported together by the prefecture (延吉 and 和龙 send their own files). */
    private static final List<String> YANBIAN_IN_PREFECTURE_RETURN =
            List.of("222402", "222403", "222404", "222405", "222424", "222426");
    private static final List<String> JINCHENG = List.of("140502", "140521", "140522", "140524", "140525", "140581");
    /** Villages in the Wangqing collective-income return. */
    private static final int WANGQING_VILLAGES = 60;

    private final DropFolder drop;
    private final DemoRegions regions;

    IncomeReturns(DropFolder drop, DemoRegions regions) {
        this.drop = drop;
        this.regions = regions;
    }

    void writeAll() throws IOException {
        writeYanbianAlleviated();
        writeYanbianCounties();
        writeYanjiWorkbook();
        writeHelong();
        writeWangqingCollective();
        writeJincheng();
        writeFujianLiftedVillages();
        writeFuding();
        writeFuan();
        writeXiapu();
    }

    /** 延边州 2021, long layout: the two published per-capita figures for the prefecture itself. */
    private void writeYanbianAlleviated() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("Sheet1").title("2021年延边州脱贫人口收入情况")
                .header("地区", "区划代码", "年度", "指标", "数值", "单位")
                .row("延边州", "222400", 2021, "脱贫人口人均纯收入",
                        DemoFigures.YANBIAN_2021_POVERTY_ALLEVIATED_INCOME_YUAN, "元")
                .row("延边州", "222400", 2021, "脱贫地区农村居民人均可支配收入",
                        DemoFigures.YANBIAN_2021_ALLEVIATED_AREA_RURAL_INCOME_YUAN, "元")
                .footer("填表人：崔明哲", "审核人：李春花", "填报日期：2022年1月10日");
        ReturnFiles.xlsx(file("222400", "2021年延边州脱贫人口收入情况.xlsx"), sheet);
    }

    /** 延边州, wide layout with a 年度 column: six counties, 2019 to 2022. */
    private void writeYanbianCounties() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("各县市").header("县市区", "区划代码", "年度", RURAL_INCOME + "（元）");
        for (String county : YANBIAN_IN_PREFECTURE_RETURN) {
            for (int y = 0; y < YEARS.length; y++) {
                sheet.row(regions.countyName(county), county, YEARS[y], RURAL_INCOME_BY_COUNTY.get(county)[y]);
            }
        }
        ReturnFiles.xlsx(file("222400", "延边州各县市农村居民人均可支配收入（2019-2022年）.xlsx"), sheet);
    }

    /** 延吉: one sheet per year (2019年 … 2022年), the year only in the sheet name. */
    private void writeYanjiWorkbook() throws IOException {
        ReturnSheet[] sheets = new ReturnSheet[YEARS.length];
        for (int y = 0; y < YEARS.length; y++) {
            sheets[y] = ReturnSheet.named(YEARS[y] + "年").header("地区", "区划代码", RURAL_INCOME + "（元）")
                    .row("延吉市", "222401", RURAL_INCOME_BY_COUNTY.get("222401")[y]);
        }
        ReturnFiles.xlsx(file("222401", "延吉市农村居民人均可支配收入2019-2022年.xlsx"), sheets);
    }

    /** 和龙: long layout, CSV in UTF-8 with BOM. */
    private void writeHelong() throws IOException {
        ReturnSheet sheet = longLayout("222406", "地区", "区划代码", "年度", "指标", "数值", "单位");
        ReturnFiles.csv(file("222406", "和龙市2019-2022年农村居民人均可支配收入.csv"), sheet, StandardCharsets.UTF_8, true);
    }

    /**
     * 汪清 2021: village rows in 万元, period only in the file name, a 合计 row and footer lines. The
     * average collective income stays above 25 万元; operating income never exceeds collective income.
     */
    private void writeWangqingCollective() throws IOException {
        Random rnd = DemoDropGenerator.random("income-collective-222424");
        List<Village> villages = regions.pick("222424", WANGQING_VILLAGES, rnd);
        long[] collectiveTenths = collectiveIncomeTenthsOfWan(villages.size(), rnd);
        ReturnSheet sheet = ReturnSheet.named("Sheet1").title("汪清县村集体经济收入情况表")
                .header("序号", "乡镇", "村名", "村集体经济收入（万元）", "村集体经营性收入（万元）");
        long totalCollective = 0;
        long totalOperating = 0;
        for (int i = 0; i < villages.size(); i++) {
            long operating = collectiveTenths[i] * (30 + rnd.nextInt(61)) / 100;
            sheet.row(i + 1, villages.get(i).townshipName(), villages.get(i).shortName(),
                    tenths(collectiveTenths[i]), tenths(operating));
            totalCollective += collectiveTenths[i];
            totalOperating += operating;
        }
        sheet.row("合计", null, null, tenths(totalCollective), tenths(totalOperating))
                .footer("填表人：姜美玉", "审核人：许永哲", "填报日期：2022年1月10日");
        ReturnFiles.xlsx(file("222424", "2021年汪清县村集体经济收入.xlsx"), sheet);
    }

    /** Incomes between 15 and 40 万元 in tenths, raised if needed so the average is at least 25.5 万元. */
    private static long[] collectiveIncomeTenthsOfWan(int n, Random rnd) {
        long[] values = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            values[i] = 150 + rnd.nextInt(251);
            sum += values[i];
        }
        long minimumTenths = (DemoFigures.WANGQING_2021_MIN_AVERAGE_COLLECTIVE_INCOME_YUAN / 1000 + 5) * n;
        for (int i = 0; sum < minimumTenths; i = (i + 1) % n) {
            values[i] += 10;
            sum += 10;
        }
        return values;
    }

    /** 晋城市: long layout for its six county-level units, CSV in UTF-8 with BOM. */
    private void writeJincheng() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("").header("地区", "区划代码", "年度", "指标", "数值", "单位");
        for (String county : JINCHENG) {
            for (int y = 0; y < YEARS.length; y++) {
                sheet.row(regions.countyName(county), county, YEARS[y], RURAL_INCOME,
                        RURAL_INCOME_BY_COUNTY.get(county)[y], "元");
            }
        }
        ReturnFiles.csv(file("140500", "晋城市各县（市、区）农村居民人均可支配收入2019-2022年.csv"), sheet,
                StandardCharsets.UTF_8, true);
    }

    /** 福建省 2019, wide: rural per-capita income of the villages lifted out of poverty. */
    private void writeFujianLiftedVillages() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("地区", "区划代码", "年度", "出列村农村居民人均可支配收入（元）")
                .row("福建省", "350000", 2019, DemoFigures.FUJIAN_2019_LIFTED_VILLAGE_RURAL_INCOME_YUAN)
                .footer("填表人：林丽萍", "审核人：陈志强", "填报日期：2020年2月20日");
        ReturnFiles.xlsx(file("350000", "2019年福建省出列村农村居民人均可支配收入.xlsx"), sheet);
    }

    /** 福鼎: wide, region by name only, a 年度 column. */
    private void writeFuding() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("Sheet1").header("地区", "年度", RURAL_INCOME + "（元）");
        for (int y = 0; y < YEARS.length; y++) {
            sheet.row("福鼎市", YEARS[y], RURAL_INCOME_BY_COUNTY.get("350982")[y]);
        }
        ReturnFiles.xlsx(file("350982", "福鼎市2019-2022年农村居民人均可支配收入.xlsx"), sheet);
    }

    /** 福安: long layout, CSV in GBK, other header words (年份, 地区名称, 指标名称, 计量单位). */
    private void writeFuan() throws IOException {
        ReturnSheet sheet = longLayout("350981", "地区名称", "行政区划代码", "年份", "指标名称", "数值", "计量单位");
        ReturnFiles.csv(file("350981", "福安市农村居民人均可支配收入（2019-2022年）.csv"), sheet,
                Charset.forName("GBK"), false);
    }

    /** 霞浦: long layout xlsx with the indicator written 农民人均可支配收入. */
    private void writeXiapu() throws IOException {
        ReturnSheet sheet = ReturnSheet.named("Sheet1").title("霞浦县2019-2022年农民收入情况")
                .header("地区", "区划代码", "年度", "指标", "数值", "单位");
        for (int y = 0; y < YEARS.length; y++) {
            sheet.row("霞浦县", "350921", YEARS[y], "农民人均可支配收入", RURAL_INCOME_BY_COUNTY.get("350921")[y], "元");
        }
        ReturnFiles.xlsx(file("350921", "霞浦县2019-2022年农民收入情况.xlsx"), sheet);
    }

    /** One county's rural income 2019-2022, one row per year, with the given six header words. */
    private ReturnSheet longLayout(String county, String... header) {
        ReturnSheet sheet = ReturnSheet.named("").header(header);
        for (int y = 0; y < YEARS.length; y++) {
            sheet.row(regions.countyName(county), county, YEARS[y], RURAL_INCOME,
                    RURAL_INCOME_BY_COUNTY.get(county)[y], "元");
        }
        return sheet;
    }

    private static BigDecimal tenths(long value) {
        return BigDecimal.valueOf(value, 1);
    }

    private Path file(String submitter, String name) throws IOException {
        return drop.file(submitter, name);
    }
}
