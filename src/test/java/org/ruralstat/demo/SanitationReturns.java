package org.ruralstat.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.ruralstat.demo.DemoRegions.Village;
import org.ruralstat.demo.ReturnSheet.ExcelDate;

/** The sanitation project returns (人居环境/污水治理) of the demo drop. */
final class SanitationReturns {

    /** Tumen's 46,000 万元 split over the four kinds of works, in 万元. */
    private static final long TUMEN_PIPE_WAN = 18_400;
    private static final long TUMEN_ROAD_WAN = 11_600;
    private static final long TUMEN_TREATMENT_WAN = 14_260;
    private static final long TUMEN_SEPTIC_WAN = 1_740;
    /** Tumen villages with septic-tank projects, and pipe projects reported in 公里 instead of 延长米. */
    private static final int TUMEN_SEPTIC_VILLAGES = 18;
    private static final int TUMEN_PIPE_ROWS_IN_KM = 8;

    private static final String[] TUMEN_HEADER = {
        "序号", "项目名称", "乡镇", "村", "类型", "工程量", "单位", "投资（万元）", "开工日期", "完工日期", "状态", "受益户数"};

    /** One project row before layout. */
    private record Project(Village village, String name, String type, BigDecimal quantity, String unit,
            long investmentHundredthsOfWan, LocalDate start, LocalDate completion, int households) {
    }

    private final DropFolder drop;
    private final DemoRegions regions;

    SanitationReturns(DropFolder drop, DemoRegions regions) {
        this.drop = drop;
        this.regions = regions;
    }

    void writeAll() throws IOException {
        checkTumenBudget();
        writeTumen();
        writeWangqing2021();
        writeLingchuan2019();
        writeZezhou2020();
        writeFuding2022();
        writeFudingWithMistakes();
    }

    private static void checkTumenBudget() {
        if (TUMEN_PIPE_WAN + TUMEN_ROAD_WAN + TUMEN_TREATMENT_WAN + TUMEN_SEPTIC_WAN
                != DemoFigures.TUMEN_INVESTMENT_WAN_YUAN) {
            throw new IllegalStateException("Tumen budget does not add up to DemoFigures");
        }
    }

    // ---- 图们 2018-2022, return period 2022 ----

    /**
     * 图们: 32 villages; every village has a pipe and a road-restoration project, 23 have a treatment
     * unit, 18 have septic tanks. Quantities and investment add up to {@link DemoFigures}.
     */
    private void writeTumen() throws IOException {
        Random rnd = DemoDropGenerator.random("sanitation-222402");
        List<Village> villages = regions.pick("222402", DemoFigures.TUMEN_SANITATION_VILLAGES, rnd);
        int n = villages.size();
        List<Project> projects = new ArrayList<>();
        projects.addAll(tumenPipes(villages, rnd));
        projects.addAll(tumenSepticTanks(shuffled(villages, rnd).subList(0, TUMEN_SEPTIC_VILLAGES), rnd));
        projects.addAll(tumenTreatmentUnits(shuffled(villages, rnd).subList(0, DemoFigures.TUMEN_TREATMENT_UNITS), rnd));
        projects.addAll(tumenRoads(villages, rnd));
        projects.sort(Comparator.comparing((Project p) -> p.village().code()));
        ReturnSheet sheet = ReturnSheet.named("污水治理项目").title("2022年图们市农村污水治理项目统计表")
                .header(TUMEN_HEADER);
        long total = 0;
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            sheet.row(i + 1, p.name(), p.village().townshipName(), p.village().shortName(), p.type(), p.quantity(),
                    p.unit(), hundredths(p.investmentHundredthsOfWan()), p.start(), p.completion(),
                    p.completion() == null ? "在建" : "已完工", p.households() == 0 ? null : p.households());
            total += p.investmentHundredthsOfWan();
        }
        sheet.row("合计", null, null, null, null, null, null, hundredths(total))
                .footer("填表人：李海燕", "审核人：金光日", "填报日期：2022年12月20日");
        if (n != DemoFigures.TUMEN_SANITATION_VILLAGES || total != DemoFigures.TUMEN_INVESTMENT_WAN_YUAN * 100L) {
            throw new IllegalStateException("Tumen projects do not add up");
        }
        ReturnFiles.xlsx(file("222402", "2022年图们市农村污水治理项目统计表.xlsx"), sheet);
    }

    /** One pipe project per village, 180,000 m in all; eight of them written in 公里. */
    private List<Project> tumenPipes(List<Village> villages, Random rnd) {
        int n = villages.size();
        double[] weights = Shares.randomWeights(n, 0.6, 1.4, rnd);
        long[] metres = Shares.splitInSteps(DemoFigures.TUMEN_PIPE_METRES, 100, weights);
        long[] invest = Shares.split(TUMEN_PIPE_WAN * 100, noisy(metres, rnd));
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Village v = villages.get(i);
            boolean inKm = i % (n / TUMEN_PIPE_ROWS_IN_KM) == 1; // every fourth row; lengths are whole 100 m
            BigDecimal quantity = inKm ? BigDecimal.valueOf(metres[i], 3).stripTrailingZeros() : BigDecimal.valueOf(metres[i]);
            String unit = inKm ? "公里" : i % 3 == 0 ? "米" : "延长米";
            LocalDate[] dates = works(v, rnd);
            projects.add(new Project(v, v.shortName() + "污水管网建设工程", i % 5 == 0 ? "排水管网" : "污水管网",
                    quantity, unit, invest[i], dates[0], dates[1], 120 + rnd.nextInt(480)));
        }
        return projects;
    }

    /** Septic tanks in some villages, 132 in all, counted in 座 or 个. */
    private List<Project> tumenSepticTanks(List<Village> villages, Random rnd) {
        int n = villages.size();
        long[] tanks = Shares.split(DemoFigures.TUMEN_SEPTIC_TANKS, Shares.randomWeights(n, 0.5, 1.5, rnd));
        long[] invest = Shares.split(TUMEN_SEPTIC_WAN * 100, noisy(tanks, rnd));
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Village v = villages.get(i);
            LocalDate[] dates = works(v, rnd);
            projects.add(new Project(v, v.shortName() + "三格式化粪池建设项目", i % 4 == 0 ? "三格式化粪池" : "化粪池",
                    BigDecimal.valueOf(tanks[i]), i % 2 == 0 ? "座" : "个", invest[i], dates[0], dates[1],
                    (int) tanks[i] * (8 + rnd.nextInt(10))));
        }
        return projects;
    }

    /** One integrated treatment unit with its plant room in each of 23 villages. */
    private List<Project> tumenTreatmentUnits(List<Village> villages, Random rnd) {
        String[] types = {"污水处理终端", "一体化设备", "污水处理终端及设备间"};
        long[] ones = new long[villages.size()];
        Arrays.fill(ones, 1);
        long[] invest = Shares.split(TUMEN_TREATMENT_WAN * 100, noisy(ones, rnd));
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < villages.size(); i++) {
            Village v = villages.get(i);
            LocalDate[] dates = works(v, rnd);
            projects.add(new Project(v, v.shortName() + "一体化污水处理设备及设备间建设项目", types[i % types.length],
                    BigDecimal.ONE, i % 3 == 0 ? "座" : "套", invest[i], dates[0], dates[1], 150 + rnd.nextInt(450)));
        }
        return projects;
    }

    /** Road surface restored after the pipe works in every village, 400,000 m² in all. */
    private List<Project> tumenRoads(List<Village> villages, Random rnd) {
        int n = villages.size();
        long[] area = Shares.splitInSteps(DemoFigures.TUMEN_ROAD_RESTORED_M2, 10, Shares.randomWeights(n, 0.6, 1.4, rnd));
        long[] invest = Shares.split(TUMEN_ROAD_WAN * 100, noisy(area, rnd));
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Village v = villages.get(i);
            LocalDate[] dates = works(v, rnd);
            projects.add(new Project(v, v.shortName() + "污水管网道路恢复工程", i % 4 == 0 ? "路面恢复" : "道路恢复",
                    BigDecimal.valueOf(area[i]), "平方米", invest[i], dates[0], dates[1], 0));
        }
        return projects;
    }

    /**
     * Start and completion of a village's works: the village's works year (2018-2022, fixed by its code)
     * plus a few weeks' jitter; works of 2022 are still under way (no completion date).
     */
    private static LocalDate[] works(Village v, Random rnd) {
        int year = 2018 + Math.floorMod(v.code().hashCode(), 5);
        LocalDate start = LocalDate.of(year, 4, 10).plusDays(rnd.nextInt(60));
        LocalDate completion = year == 2022 ? null : start.plusDays(90 + rnd.nextInt(90));
        return new LocalDate[] {start, completion};
    }

    // ---- small returns from other counties (any totals) ----

    /** 汪清 2021: toilets, waste collection and pipes; 乡镇 + 村, a 年度 column. */
    private void writeWangqing2021() throws IOException {
        Random rnd = DemoDropGenerator.random("sanitation-222424");
        List<Village> villages = regions.pick("222424", 12, rnd);
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("年度", "项目名称", "所在乡镇", "村名", "项目类型", "建设规模", "计量单位", "投资金额（万元）",
                        "开工时间", "完工时间", "建设状态", "受益户数");
        for (Village v : villages) {
            int kind = rnd.nextInt(3);
            int households = 40 + rnd.nextInt(160);
            Object[] work = switch (kind) {
                case 0 -> new Object[] {"户厕改造", households, "户", BigDecimal.valueOf(households * 35L, 2)};
                case 1 -> new Object[] {"垃圾收运", 2 + rnd.nextInt(6), "处", BigDecimal.valueOf(800 + rnd.nextInt(1200), 2)};
                default -> new Object[] {"污水管网", 800 + rnd.nextInt(40) * 50, "延长米",
                    BigDecimal.valueOf(6000 + rnd.nextInt(9000), 2)};
            };
            LocalDate start = LocalDate.of(2021, 4, 1).plusDays(rnd.nextInt(90));
            sheet.row(2021, v.shortName() + work[0] + "项目", v.townshipName(), v.shortName(), work[0], work[1],
                    work[2], work[3], new ExcelDate(start, "yyyy\"年\"m\"月\"d\"日\""),
                    new ExcelDate(start.plusDays(100), "yyyy\"年\"m\"月\"d\"日\""), "已完工", households);
        }
        ReturnFiles.xlsx(file("222424", "汪清县2021年农村人居环境整治项目.xlsx"), sheet);
    }

    /** 陵川 2019: an old .xls of toilet renovations with 12-digit village codes. */
    private void writeLingchuan2019() throws IOException {
        Random rnd = DemoDropGenerator.random("sanitation-140524");
        List<Village> villages = regions.pick("140524", 10, rnd);
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("序号", "村代码", "村名称", "项目名称", "类型", "数量", "单位", "投资（万元）", "完工日期", "状态", "年度");
        int i = 1;
        for (Village v : villages) {
            int households = 30 + rnd.nextInt(120);
            sheet.row(i++, v.code(), v.shortName(), v.shortName() + "农村户厕改造", "卫生厕所改造", households, "户",
                    BigDecimal.valueOf(households * 42L, 2), LocalDate.of(2019, 9, 1).plusDays(rnd.nextInt(80)),
                    "已完工", 2019);
        }
        ReturnFiles.xls(file("140524", "陵川县2019年农村改厕项目.xls"), sheet);
    }

    /** 泽州 2020: investment in yuan with ASCII brackets (投资(元)), text dates, a 年度 column. */
    private void writeZezhou2020() throws IOException {
        Random rnd = DemoDropGenerator.random("sanitation-140525");
        List<Village> villages = regions.pick("140525", 12, rnd);
        ReturnSheet sheet = ReturnSheet.named("Sheet1").title("泽州县2020年农村人居环境整治项目统计表")
                .header("年度", "乡镇", "村", "项目名称", "类型", "工程量", "单位", "投资(元)", "开工日期", "完工日期", "状态");
        for (Village v : villages) {
            boolean toilets = rnd.nextBoolean();
            int quantity = toilets ? 50 + rnd.nextInt(150) : 1 + rnd.nextInt(4);
            long yuan = toilets ? quantity * 3800L : quantity * 56_000L;
            LocalDate start = LocalDate.of(2020, 3, 20).plusDays(rnd.nextInt(120));
            sheet.row(2020, v.townshipName(), v.shortName(), v.shortName() + (toilets ? "改厕项目" : "垃圾收集点建设"),
                    toilets ? "改厕" : "垃圾收集", quantity, toilets ? "户" : "处", yuan, start.toString().replace('-', '.'),
                    start.plusDays(75).toString().replace('-', '.'), "完工");
        }
        ReturnFiles.xlsx(file("140525", "泽州县2020年农村人居环境整治项目统计表.xlsx"), sheet);
    }

    /** 福鼎 2022: sewage works with 12-digit village codes, pipe lengths in 公里. */
    private void writeFuding2022() throws IOException {
        Random rnd = DemoDropGenerator.random("sanitation-350982");
        List<Village> villages = regions.pick("350982", 8, rnd);
        ReturnSheet sheet = ReturnSheet.named("Sheet1")
                .header("村代码", "村名称", "工程名称", "工程类型", "工程量", "工程量单位", "总投资（万元）", "开工日期", "竣工日期",
                        "项目状态", "年度");
        for (Village v : villages) {
            LocalDate start = LocalDate.of(2022, 3, 1).plusDays(rnd.nextInt(120));
            BigDecimal km = BigDecimal.valueOf(12 + rnd.nextInt(40), 1);
            sheet.row(v.code(), v.name(), v.shortName() + "污水管网工程", "污水管网", km, "公里",
                    BigDecimal.valueOf(km.movePointRight(1).longValue() * 1150, 2), start, start.plusDays(150), "已完工", 2022);
            sheet.row(v.code(), v.name(), v.shortName() + "污水处理站", "污水处理设施", 1, "套",
                    BigDecimal.valueOf(4500 + rnd.nextInt(3000), 1), start, null, "在建", 2022);
        }
        ReturnFiles.xlsx(file("350982", "2022年福鼎市农村污水治理项目.xlsx"), sheet);
    }

    /**
     * 福鼎 2023: the one demo return with mistakes a bureau makes, so the drop shows rejected rows, findings and a
     * feedback workbook. Its good rows are outside every published figure.
     */
    private void writeFudingWithMistakes() throws IOException {
        Random rnd = DemoDropGenerator.random("sanitation-350982-mistakes");
        List<Village> villages = regions.pick("350982", 4, rnd);
        ReturnSheet sheet = ReturnSheet.named("Sheet1").title("2023年福鼎市农村人居环境整治项目统计表")
                .header("序号", "项目名称", "乡镇", "村", "类型", "工程量", "单位", "投资（万元）", "开工日期", "完工日期");
        LocalDate start = LocalDate.of(2023, 4, 1);
        Village a = villages.get(0);
        Village b = villages.get(1);
        Village c = villages.get(2);
        Village d = villages.get(3);
        sheet.row(1, a.shortName() + "污水管网", a.townshipName(), a.shortName(), "污水管网", new BigDecimal("1.8"), "公里",
                new BigDecimal("96.5"), start, start.plusDays(120));
        sheet.row(2, b.shortName() + "化粪池", b.townshipName(), b.shortName(), "化粪池", 40, "米",
                new BigDecimal("12"), start, start.plusDays(60));
        sheet.row(3, c.shortName() + "垃圾收运", c.townshipName(), c.shortName(), "垃圾收运", 1, "套",
                "约15", start, start.plusDays(30));
        sheet.row(4, d.shortName() + "改厕", d.townshipName(), d.shortName(), "卫生厕所改造", 120, "户",
                new BigDecimal("36"), start.plusDays(90), start);
        sheet.row(5, "太姥山示范村道路恢复", "不存在镇", "不存在村", "道路恢复", 5000, "平方米",
                new BigDecimal("60"), start, start.plusDays(100));
        ReturnFiles.xlsx(file("350982", "2023年福鼎市农村人居环境整治项目（待更正）.xlsx"), sheet);
    }

    // ---- helpers ----

    /** Quantities with ±15% noise, as weights for spreading a budget. */
    private static double[] noisy(long[] quantities, Random rnd) {
        double[] weights = new double[quantities.length];
        for (int i = 0; i < quantities.length; i++) {
            weights[i] = quantities[i] * (0.85 + 0.3 * rnd.nextDouble());
        }
        return weights;
    }

    private static <T> List<T> shuffled(List<T> items, Random rnd) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    private static BigDecimal hundredths(long value) {
        return BigDecimal.valueOf(value, 2);
    }

    private Path file(String submitter, String name) throws IOException {
        return drop.file(submitter, name);
    }
}
