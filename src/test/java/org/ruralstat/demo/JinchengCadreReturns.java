package org.ruralstat.demo;

import static org.ruralstat.demo.ReturnSheet.col;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.ruralstat.demo.CadrePostings.Batch;
import org.ruralstat.demo.CadrePostings.Posting;
import org.ruralstat.demo.CadrePostings.Quota;
import org.ruralstat.demo.CadrePostings.SendingUnits;
import org.ruralstat.demo.ReturnSheet.Column;
import org.ruralstat.demo.ReturnSheet.ExcelDate;

/** The six Jincheng county cadre returns of 2019 (驻村干部), each in its bureau's own layout. */
final class JinchengCadreReturns {

    /** Jincheng 2019: county, villages (= first secretaries), team leaders, team members. */
    private static final int[][] JINCHENG_2019 = {
        {140502, 10, 10, 30},
        {140521, 35, 34, 105},
        {140522, 40, 38, 125},
        {140524, 45, 44, 140},
        {140525, 45, 43, 140},
        {140581, 30, 28, 94}};

    /** Share of Jincheng postings per level: central, provincial, prefecture, county, township. */
    private static final double[] JINCHENG_LEVEL_WEIGHTS = {0, 0.06, 0.22, 0.52, 0.20};

    private static final SendingUnits SHANXI = new SendingUnits(
            new String[] {"国家能源局"},
            new String[] {"山西省财政厅", "山西省农业农村厅", "山西省交通运输厅", "山西省水利厅", "山西省教育厅",
                "山西省卫生健康委员会", "山西省林业和草原局", "国网山西省电力公司", "山西省扶贫开发办公室"},
            new String[] {"晋城市委组织部", "晋城市财政局", "晋城市农业农村局", "晋城市教育局", "晋城市人民医院",
                "晋城市水务局", "晋城市自然资源局", "晋城市住房和城乡建设局", "晋城市扶贫开发办公室", "晋城市统计局",
                "晋城市交通运输局", "晋城市市场监督管理局"});

    private static final Batch JINCHENG_BATCH = new Batch(LocalDate.of(2018, 3, 16), 0.7, 540,
            LocalDate.of(2021, 5, 31), 0);

    private static final Charset GBK = Charset.forName("GBK");

    private final DropFolder drop;
    private final DemoRegions regions;
    private final CadrePostings postings;

    JinchengCadreReturns(DropFolder drop, DemoRegions regions, DemoPeople people) {
        this.drop = drop;
        this.regions = regions;
        this.postings = new CadrePostings(people, regions);
    }

    void writeAll() throws IOException {
        checkJinchengTable();
        writeChengqu(jincheng(0, false));
        writeQinshui(jincheng(1, false));
        writeYangcheng(jincheng(2, false));
        writeLingchuan(jincheng(3, true));
        writeZezhou(jincheng(4, false));
        writeGaoping(jincheng(5, false));
    }

    private static void checkJinchengTable() {
        int[] sums = new int[4];
        for (int[] row : JINCHENG_2019) {
            for (int i = 1; i < 4; i++) {
                sums[i] += row[i];
            }
        }
        if (sums[1] != DemoFigures.JINCHENG_FIRST_SECRETARIES || sums[2] != DemoFigures.JINCHENG_TEAM_LEADERS
                || sums[3] != DemoFigures.JINCHENG_TEAM_MEMBERS) {
            throw new IllegalStateException("Jincheng cadre table does not add up to DemoFigures");
        }
    }

    private List<Posting> jincheng(int index, boolean namesOnly) {
        int[] row = JINCHENG_2019[index];
        String county = Integer.toString(row[0]);
        Random rnd = DemoDropGenerator.random("cadres-" + county);
        int total = row[1] + row[2] + row[3];
        Quota quota = new Quota(county, row[1], row[2],
                CadrePostings.levelsByWeight(total, JINCHENG_LEVEL_WEIGHTS, rnd), 0);
        var villages = namesOnly ? regions.pickUniquelyNamed(county, row[1], rnd) : regions.pick(county, row[1], rnd);
        return postings.build(quota, villages, SHANXI, JINCHENG_BATCH, rnd);
    }

    /** 城区: xlsx with 12-digit codes, a 年度 column and real date cells. */
    private void writeChengqu(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> CadreText.dotMonth(p.person().birth())),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("村代码", p -> p.village().code()),
                col("村名", p -> p.village().shortName()),
                col("任职开始日期", Posting::start),
                col("任职结束日期", Posting::end),
                col("培训学时", Posting::trainingHours),
                col("年度", p -> 2019));
        ReturnFiles.xlsx(file("140502", "2019年城区驻村工作队花名册.xlsx"), ReturnSheet.of("Sheet1", columns, rows));
    }

    /** 沁水: 乡镇 + 村 names, ISO text dates, phone numbers. */
    private void writeQinshui(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("年度", p -> 2019),
                col("乡镇", p -> p.village().townshipName()),
                col("村名", CadreText::villageName),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> p.person().birth().toString().substring(0, 7)),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("任职开始日期", p -> p.start().toString()),
                col("任职结束日期", p -> p.end() == null ? null : p.end().toString()),
                col("培训学时", Posting::trainingHours),
                col("联系电话", p -> p.person().mobile()));
        ReturnFiles.xlsx(file("140521", "沁水县2019年驻村干部名单.xlsx"), ReturnSheet.of("驻村干部名单", columns, rows));
    }

    /** 阳城: CSV in GBK, 乡镇 + 村 names, dates as text 2018年3月. */
    private void writeYangcheng(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("年度", p -> 2019),
                col("所在乡镇", p -> p.village().townshipName()),
                col("派驻村", CadreText::villageName),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> CadreText.chineseMonth(p.person().birth())),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("派出层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("人员类别", p -> CadreText.ROLES_LONG[p.role().ordinal()]),
                col("任职起始日期", p -> CadreText.chineseMonth(p.start())),
                col("任职结束日期", p -> p.end() == null ? "" : CadreText.chineseMonth(p.end())),
                col("培训学时", Posting::trainingHours));
        ReturnFiles.csv(file("140522", "阳城县驻村帮扶干部统计表（2019年）.csv"), ReturnSheet.of("", columns, rows),
                GBK, false);
    }

    /** 陵川: an old .xls, village names only, year in the title, text dates 2018.03. */
    private void writeLingchuan(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> CadreText.dotMonth(p.person().birth())),
                col("政治面貌", Posting::politicalStatus),
                col("选派层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("派出单位", Posting::unit),
                col("职务", p -> CadreText.ROLES_SHORT[p.role().ordinal()]),
                col("驻村村名", p -> p.village().shortName()),
                col("任职时间起", p -> CadreText.dotMonth(p.start())),
                col("任职时间止", p -> p.end() == null ? null : CadreText.dotMonth(p.end())),
                col("培训学时", Posting::trainingHours));
        ReturnSheet sheet = ReturnSheet.of("Sheet1", columns, rows).title("陵川县2019年驻村干部花名册")
                .footer("填表人：郭建平", "审核人：李卫东", "填报日期：2019年12月20日");
        ReturnFiles.xls(file("140524", "陵川县2019年驻村干部花名册.xls"), sheet);
    }

    /** 泽州: xlsx with 行政区划代码 plus 乡镇 and 村 names, date cells, 年度. */
    private void writeZezhou(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("乡镇", p -> p.village().townshipName()),
                col("村名", p -> p.village().shortName()),
                col("行政区划代码", p -> p.village().code()),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> new ExcelDate(p.person().birth(), "yyyy.mm")),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("驻村职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("任职开始日期", Posting::start),
                col("任职结束日期", Posting::end),
                col("培训学时", Posting::trainingHours),
                col("年度", p -> 2019));
        ReturnFiles.xlsx(file("140525", "泽州县2019年第一书记和驻村工作队名册.xlsx"),
                ReturnSheet.of("第一书记和工作队", columns, rows));
    }

    /** 高平: 乡镇 + 村 names, text dates 2018年3月, a 年度 column, footer lines. */
    private void writeGaoping(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号码", p -> p.person().idNumber()),
                col("出生年月", p -> CadreText.chineseMonth(p.person().birth())),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("乡镇", p -> p.village().townshipName()),
                col("村名", CadreText::villageName),
                col("任职开始日期", p -> CadreText.chineseMonth(p.start())),
                col("任职结束日期", p -> p.end() == null ? null : CadreText.chineseMonth(p.end())),
                col("年度", p -> 2019));
        ReturnSheet sheet = ReturnSheet.of("Sheet1", columns, rows)
                .footer("填表人：王晓芳", "审核人：牛建军", "填报日期：2020年1月8日");
        ReturnFiles.xlsx(file("140581", "高平市2019年驻村干部名册.xlsx"), sheet);
    }

    private Path file(String submitter, String name) throws IOException {
        return drop.file(submitter, name);
    }
}
