package org.ruralstat.demo;

import static org.ruralstat.demo.ReturnSheet.col;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.ruralstat.demo.CadrePostings.Batch;
import org.ruralstat.demo.CadrePostings.Posting;
import org.ruralstat.demo.CadrePostings.Quota;
import org.ruralstat.demo.CadrePostings.SendingUnits;
import org.ruralstat.demo.ReturnSheet.Column;

/** Two Fujian cadre returns (福鼎 2020, 福安 2022): context outside the published cadre figures. */
final class FujianCadreReturns {

    private static final SendingUnits FUJIAN = new SendingUnits(
            new String[] {"国家开发银行"},
            new String[] {"福建省财政厅", "福建省农业农村厅", "福建省交通运输厅", "福建省海洋与渔业局", "福建省教育厅",
                "福建省卫生健康委员会", "福建省林业局", "国网福建省电力有限公司"},
            new String[] {"宁德市委组织部", "宁德市财政局", "宁德市农业农村局", "宁德市教育局", "宁德市海洋与渔业局",
                "宁德市医院", "宁德市自然资源局", "宁德市乡村振兴局"});

    private static final Batch FUDING_BATCH = new Batch(LocalDate.of(2019, 9, 20), 0.9, 200,
            LocalDate.of(2021, 9, 30), 0);

    private static final Batch FUAN_BATCH = new Batch(LocalDate.of(2021, 9, 28), 0.8, 200,
            LocalDate.of(2023, 9, 28), 0);

    private final DropFolder drop;
    private final DemoRegions regions;
    private final CadrePostings postings;

    FujianCadreReturns(DropFolder drop, DemoRegions regions, DemoPeople people) {
        this.drop = drop;
        this.regions = regions;
        this.postings = new CadrePostings(people, regions);
    }

    void writeAll() throws IOException {
        writeFuding();
        writeFuan();
    }

    /** 福鼎 2020: first secretaries only, 12-digit codes. */
    private void writeFuding() throws IOException {
        Random rnd = DemoDropGenerator.random("cadres-350982");
        Quota quota = new Quota("350982", 24, 0, new int[] {0, 6, 8, 10, 0}, 0);
        List<Posting> rows = postings.build(quota, regions.pick("350982", 24, rnd), FUJIAN, FUDING_BATCH, rnd);
        List<Column<Posting>> columns = List.of(
                col("序号", p -> rows.indexOf(p) + 1),
                col("村代码", p -> p.village().code()),
                col("驻村名称", p -> p.village().name()),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("出生年月", p -> CadreText.dotMonth(p.person().birth())),
                col("派出单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("职务", p -> CadreText.ROLES_LONG[p.role().ordinal()]),
                col("任职开始日期", Posting::start),
                col("年度", p -> 2020));
        ReturnFiles.xlsx(file("350982", "福鼎市2020年驻村第一书记名单.xlsx"), ReturnSheet.of("Sheet1", columns, rows));
    }

    /** 福安 2022: first secretaries and team members, 乡镇 + 村 names. */
    private void writeFuan() throws IOException {
        Random rnd = DemoDropGenerator.random("cadres-350981");
        Quota quota = new Quota("350981", 20, 12, new int[] {0, 8, 14, 22, 10}, 0);
        List<Posting> rows = postings.build(quota, regions.pick("350981", 20, rnd), FUJIAN, FUAN_BATCH, rnd);
        List<Column<Posting>> columns = List.of(
                col("年度", p -> 2022),
                col("乡镇", p -> p.village().townshipName()),
                col("村名", CadreText::villageName),
                col("姓名", p -> p.person().name()),
                col("性别", p -> p.person().gender()),
                col("身份证号", p -> p.person().idNumber()),
                col("政治面貌", Posting::politicalStatus),
                col("派出单位", Posting::unit),
                col("选派层级", p -> CadreText.LEVELS_PREFECTURE_CITY[p.level().ordinal()]),
                col("职务", p -> CadreText.ROLES_STANDARD[p.role().ordinal()]),
                col("任职开始日期", Posting::start),
                col("任职结束日期", Posting::end));
        ReturnFiles.xlsx(file("350981", "福安市2022年驻村干部名册.xlsx"), ReturnSheet.of("Sheet1", columns, rows));
    }

    private Path file(String submitter, String name) throws IOException {
        return drop.file(submitter, name);
    }
}
