package org.ruralstat.demo;

import static org.ruralstat.demo.ReturnSheet.col;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ruralstat.demo.CadrePostings.Batch;
import org.ruralstat.demo.CadrePostings.Posting;
import org.ruralstat.demo.CadrePostings.Quota;
import org.ruralstat.demo.CadrePostings.SendingUnits;
import org.ruralstat.demo.ReturnSheet.Column;
import org.ruralstat.demo.ReturnSheet.ExcelDate;

/** The eight Yanbian county cadre returns of 2021 (驻村干部), each in its bureau's own layout. */
final class YanbianCadreReturns {

    /**
     * Yanbian 2021: villages, one 工作队长 per village, postings per dispatch level (central, provincial,
     * prefecture, county, township) and promotions. Columns add up to {@link DemoFigures}.
     */
    private static final List<Quota> YANBIAN_2021 = List.of(
            new Quota("222401", 30, 30, new int[] {0, 19, 66, 62, 22}, 4),
            new Quota("222402", 28, 28, new int[] {0, 17, 61, 59, 21}, 4),
            new Quota("222403", 85, 85, new int[] {0, 53, 186, 179, 62}, 12),
            new Quota("222404", 50, 50, new int[] {0, 31, 109, 105, 37}, 7),
            new Quota("222405", 40, 40, new int[] {1, 25, 87, 84, 29}, 9),
            new Quota("222406", 76, 76, new int[] {1, 48, 166, 159, 55}, 11),
            new Quota("222424", 45, 45, new int[] {1, 28, 98, 94, 33}, 6),
            new Quota("222426", 37, 37, new int[] {0, 24, 82, 78, 25}, 5));

    private static final SendingUnits JILIN = new SendingUnits(
            new String[] {"国家民委", "国家林业和草原局", "中国农业发展银行"},
            new String[] {"吉林省财政厅", "吉林省农业农村厅", "吉林省交通运输厅", "吉林省卫生健康委员会", "吉林省教育厅",
                "吉林省水利厅", "吉林省林业和草原局", "吉林省民政厅", "吉林省人力资源和社会保障厅", "吉林省商务厅",
                "吉林省自然资源厅", "吉林省审计厅", "吉林省粮食和物资储备局", "国网吉林省电力有限公司", "吉林银行"},
            new String[] {"延边州委组织部", "延边州财政局", "延边州农业农村局", "延边州人民医院", "延边州教育局",
                "延边州公安局", "延边州自然资源局", "延边州文化广播电视和旅游局", "延边州住房和城乡建设局",
                "延边州交通运输局", "延边州水利局", "延边州审计局", "延边州统计局", "延边州乡村振兴局",
                "延边州市场监督管理局", "延边州林业管理局"});

    private static final Batch YANBIAN_BATCH = new Batch(LocalDate.of(2021, 10, 8), 0.85, 240,
            LocalDate.of(2023, 10, 8), 0.3);

    private static final Charset GBK = Charset.forName("GBK");

    private final DropFolder drop;
    private final DemoRegions regions;
    private final CadrePostings postings;

    YanbianCadreReturns(DropFolder drop, DemoRegions regions, DemoPeople people) {
        this.drop = drop;
        this.regions = regions;
        this.postings = new CadrePostings(people, regions);
    }

    void writeAll() throws IOException {
        checkYanbianQuotas();
        writeYanji(yanbian("222401", false));
        writeTumen(yanbian("222402", false));
        writeDunhua(yanbian("222403", true));
        writeHunchun(yanbian("222404", false));
        writeLongjing(yanbian("222405", false));
        writeHelong(yanbian("222406", false));
        writeWangqing(yanbian("222424", false));
        writeAntu(yanbian("222426", false));
    }

    private List<Posting> yanbian(String county, boolean namesOnly) {
        Quota quota = YANBIAN_2021.stream().filter(q -> q.county().equals(county)).findFirst().orElseThrow();
        Random rnd = DemoDropGenerator.random("cadres-" + county);
        var villages = namesOnly ? regions.pickUniquelyNamed(county, quota.villages(), rnd)
                : regions.pick(county, quota.villages(), rnd);
        return postings.build(quota, villages, JILIN, YANBIAN_BATCH, rnd);
    }

    private static void checkYanbianQuotas() {
        int[] levels = new int[5];
        int villages = 0;
        int promoted = 0;
        for (Quota q : YANBIAN_2021) {
            for (int i = 0; i < 5; i++) {
                levels[i] += q.perLevel()[i];
            }
            villages += q.villages();
            promoted += q.promoted();
        }
        int[] published = {DemoFigures.YANBIAN_CADRES_CENTRAL, DemoFigures.YANBIAN_CADRES_PROVINCIAL,
            DemoFigures.YANBIAN_CADRES_PREFECTURE, DemoFigures.YANBIAN_CADRES_COUNTY,
            DemoFigures.YANBIAN_CADRES_TOWNSHIP};
        if (!Arrays.equals(levels, published) || villages != DemoFigures.YANBIAN_VILLAGES_WITH_CADRES
                || promoted != DemoFigures.YANBIAN_CADRES_PROMOTED) {
            throw new IllegalStateException("Yanbian quota table does not add up to DemoFigures");
        }
    }

    /** 延吉: xlsx, 12-digit village codes, real date cells, a 年度 column and phone numbers. */
    private void writeYanji(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> new ExcelDate(p.person().birth(), "yyyy\"年\"m\"月\"")),
                col("政治面貌", Posting::politicalStatus),
                col("选派层级", p -> CadreText.LEVELS_STANDARD[p.level().ordinal()]),
                col("派出单位", Posting::unit),
                col("职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("村代码", p -> p.village().code()),
                col("驻村名称", p -> p.village().shortName()),
                col("任职开始日期", Posting::start),
                col("任职结束日期", Posting::end),
                col("培训学时", Posting::trainingHours),
                col("是否提拔", p -> CadreText.yesNo(p.promoted())),
                col("联系电话", p -> p.person().mobile()),
                col("年度", p -> 2021));
        ReturnFiles.xlsx(file("222401", "2021年延吉市驻村干部花名册.xlsx"), ReturnSheet.of("驻村干部", columns, rows));
    }

    /** 图们: CSV in UTF-8 with BOM, 乡镇 + 村 names, ISO text dates. */
    private void writeTumen(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号码", p -> p.person().idNumber()),
                col("出生日期", p -> p.person().birth().toString()),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("选派级别", p -> CadreText.LEVELS_SHORT[p.level().ordinal()]),
                col("驻村职务", p -> CadreText.ROLES_LONG[p.role().ordinal()]),
                col("乡镇", p -> p.village().townshipName()),
                col("村名", CadreText::villageName),
                col("驻村开始时间", p -> p.start().toString()),
                col("驻村结束时间", p -> p.end() == null ? "" : p.end().toString()),
                col("培训学时", Posting::trainingHours),
                col("是否提拔", p -> CadreText.yesNo(p.promoted())),
                col("年度", p -> 2021));
        ReturnFiles.csv(file("222402", "图们市2021年驻村干部名单.csv"), ReturnSheet.of("", columns, rows),
                StandardCharsets.UTF_8, true);
    }

    /** 敦化: period only in the file name, village names only, dates as text 2021.10, footer lines. */
    private void writeDunhua(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> CadreText.dotMonth(p.person().birth())),
                col("政治面貌", Posting::politicalStatus),
                col("选派层级", p -> CadreText.LEVELS_PLAIN[p.level().ordinal()]),
                col("原单位", Posting::unit),
                col("职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("驻村", CadreText::villageName),
                col("任职时间起", p -> CadreText.dotMonth(p.start())),
                col("任职时间止", p -> p.end() == null ? null : CadreText.dotMonth(p.end())),
                col("培训学时", Posting::trainingHours),
                col("是否提拔", p -> CadreText.yesNo(p.promoted())));
        ReturnSheet sheet = ReturnSheet.of("Sheet1", columns, rows).title("敦化市驻村干部花名册")
                .footer("填表人：孙丽娟", "审核人：赵国庆", "填报日期：2022年1月10日");
        ReturnFiles.xlsx(file("222403", "2021年敦化市驻村干部花名册.xlsx"), sheet);
    }

    /** 珲春: CSV in GBK, 乡镇 + 村 names, dates as text 2021年10月. */
    private void writeHunchun(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("年度", p -> 2021),
                col("乡镇", p -> p.village().townshipName()),
                col("村名称", CadreText::villageName),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> CadreText.chineseMonth(p.person().birth())),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("派出层级", p -> CadreText.LEVELS_STANDARD[p.level().ordinal()]),
                col("担任职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("任职起始日期", p -> CadreText.chineseMonth(p.start())),
                col("任职结束日期", p -> p.end() == null ? "" : CadreText.chineseMonth(p.end())),
                col("培训学时", Posting::trainingHours),
                col("是否提拔", p -> CadreText.yesNo(p.promoted())));
        ReturnFiles.csv(file("222404", "珲春市驻村干部名册（2021年）.csv"), ReturnSheet.of("", columns, rows),
                GBK, false);
    }

    /** 龙井: xlsx, 区划代码 + 村名称, date cells shown as 2021/10/8, birth month as text 1985-03. */
    private void writeLongjing(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("年度", p -> 2021),
                col("区划代码", p -> p.village().code()),
                col("村名称", p -> p.village().shortName()),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号码", p -> p.person().idNumber()),
                col("出生年月", p -> p.person().birth().toString().substring(0, 7)),
                col("政治面貌", Posting::politicalStatus),
                col("选派单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_PLAIN[p.level().ordinal()]),
                col("驻村职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("任职开始日期", p -> new ExcelDate(p.start(), "yyyy/m/d")),
                col("任职结束日期", p -> p.end() == null ? null : new ExcelDate(p.end(), "yyyy/m/d")),
                col("培训学时", Posting::trainingHours),
                col("是否提拔", p -> CadreText.yesNo(p.promoted())));
        ReturnFiles.xlsx(file("222405", "龙井市2021年度驻村干部统计表.xlsx"), ReturnSheet.of("Sheet1", columns, rows));
    }

    /** 和龙: all 76 villages; 乡镇 + 村 names, title with the year, date cells, phone numbers. */
    private void writeHelong(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("所在乡镇", p -> p.village().townshipName()),
                col("驻村名称", CadreText::villageName),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("公民身份号码", p -> p.person().idNumber()),
                col("出生日期", p -> p.person().birth()),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_SHORT[p.level().ordinal()]),
                col("职务", p -> CadreText.ROLES_SHORT[p.role().ordinal()]),
                col("任职开始日期", Posting::start),
                col("任职结束日期", Posting::end),
                col("培训学时", Posting::trainingHours),
                col("是否提拔", p -> CadreText.yesNo(p.promoted())),
                col("手机号码", p -> p.person().mobile()));
        ReturnSheet sheet = ReturnSheet.of("驻村干部", columns, rows).title("和龙市2021年驻村干部选派情况表");
        ReturnFiles.xlsx(file("222406", "和龙市2021年驻村干部选派情况.xlsx"), sheet);
    }

    /** 汪清: period only in the title row, 12-digit codes plus names, footer lines. */
    private void writeWangqing(List<Posting> rows) throws IOException {
        List<Column<Posting>> columns = List.of(
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> new ExcelDate(p.person().birth(), "yyyy-mm")),
                col("政治面貌", Posting::politicalStatus),
                col("选派单位", Posting::unit),
                col("选派单位层级", p -> CadreText.LEVELS_STANDARD[p.level().ordinal()]),
                col("驻村身份", p -> CadreText.ROLES_LONG[p.role().ordinal()]),
                col("所属乡镇", p -> p.village().townshipName()),
                col("包保村", p -> p.village().shortName()),
                col("村级区划代码", p -> p.village().code()),
                col("驻村时间起", Posting::start),
                col("驻村时间止", Posting::end),
                col("培训时长", Posting::trainingHours),
                col("是否提拔使用", p -> CadreText.yesNo(p.promoted())));
        ReturnSheet sheet = ReturnSheet.of("Sheet1", columns, rows).title("2021年汪清县驻村干部选派情况统计表")
                .footer("填表人：金英哲", "审核人：朴成浩", "填报日期：2022年1月10日");
        ReturnFiles.xlsx(file("222424", "汪清县驻村干部选派情况统计表.xlsx"), sheet);
    }

    /** 安图: traditional characters, a merged title row and a two-row merged header (任職時間 起/止). */
    private void writeAntu(List<Posting> rows) throws IOException {
        List<String> top = Arrays.asList("序號", "姓名", "性別", "身份證號", "出生年月", "政治面貌", "選派層級",
                "派出單位", "職務", "鄉鎮", "駐村名稱", "村代碼", "任職時間", null, "培訓學時", "是否提拔");
        List<String> bottom = Arrays.asList(null, null, null, null, null, null, null, null, null, null, null, null,
                "起", "止", null, null);
        ReturnSheet sheet = ReturnSheet.named("駐村幹部").title("2021年安圖縣駐村幹部選派情況統計表")
                .twoRowHeader(top, bottom);
        int n = 1;
        for (Posting p : rows) {
            sheet.row(n++, Traditional.of(p.person().name()), p.person().gender(), p.person().idNumber(),
                    CadreText.dotMonth(p.person().birth()), Traditional.of(p.politicalStatus()),
                    CadreText.LEVELS_TRADITIONAL[p.level().ordinal()], Traditional.of(p.unit()),
                    CadreText.ROLES_TRADITIONAL[p.role().ordinal()], Traditional.of(p.village().townshipName()),
                    Traditional.of(p.village().shortName()), p.village().code(), p.start(), p.end(),
                    p.trainingHours(), CadreText.yesNo(p.promoted()));
        }
        ReturnFiles.xlsx(file("222426", "2021年安圖縣駐村幹部選派情況統計表.xlsx"), sheet);
    }

    private Path file(String submitter, String name) throws IOException {
        return drop.file(submitter, name);
    }
}
