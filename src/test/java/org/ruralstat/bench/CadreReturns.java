package org.ruralstat.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ruralstat.bench.BenchPeople.Person;
import org.ruralstat.bench.BenchRegions.County;
import org.ruralstat.bench.BenchRegions.Village;
import org.ruralstat.bench.ReturnTable.DateCell;

/**
 * A county's cadre return (驻村干部花名册): one cadre posted to one village per row, the villages in
 * code order, each village's first cadre its first secretary and the second its team leader. Every person
 * appears once, so no key repeats. Mistakes: an ID number with a wrong check character, a posting that
 * ends before it starts, 5,000 training hours.
 */
final class CadreReturns {

    static final int PERIOD = 2021;
    private static final String[] LEVELS = {"中央", "省级", "市级", "县级", "乡镇级"};
    private static final String[] LEVELS_SHORT = {"中央单位", "省直", "市直", "县直", "乡镇"};
    /** Cumulative shares of the five levels, in percent. */
    private static final int[] LEVEL_SHARES = {1, 11, 36, 81, 100};
    private static final String[] ROLES = {"第一书记", "工作队长", "工作队员"};
    private static final String[] DEPARTMENTS = {"委组织部", "财政局", "农业农村局", "教育局", "卫生健康局", "水利局",
        "自然资源局", "乡村振兴局", "交通运输局", "民政局", "统计局", "商务局"};
    private static final String[] STATUSES = {"中共党员", "中共党员", "中共党员", "中共预备党员", "群众"};
    private static final LocalDate ROTATION = LocalDate.of(2021, 10, 8);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private CadreReturns() {
    }

    static String fileName(County county, ReturnFormat format) {
        return PERIOD + "年" + county.name() + "驻村干部花名册." + format.extension();
    }

    /** The return of {@code county} with {@code rows} cadres, laid out as bureaus do for the format. */
    static ReturnTable table(County county, int rows, ReturnFormat format, Random rnd) {
        List<Village> villages = county.villages();
        int[] previousVillage = {-1};
        int[] inVillage = {0};
        GeneratedRows generated = new GeneratedRows(rows, i -> {
            int v = (int) ((long) i * villages.size() / rows);
            inVillage[0] = v == previousVillage[0] ? inVillage[0] + 1 : 0;
            previousVillage[0] = v;
            return row(county, villages.get(v), i, Math.min(inVillage[0], 2), format, rnd);
        });
        String title = PERIOD + "年" + county.name() + "驻村干部花名册";
        List<String> footer = List.of("填表人：王晓燕", "审核人：李建国", "填报日期：2022年1月10日");
        return switch (format) {
            case XLSX -> new ReturnTable("花名册", title, Arrays.asList("序号", "姓名", "性别", "身份证号", "出生年月",
                    "政治面貌", "选派层级", "派出单位", "职务", "乡镇", "驻村名称", "村代码", "任职时间", null, "培训学时",
                    "是否提拔", "联系电话"), Arrays.asList(null, null, null, null, null, null, null, null, null, null, null,
                    null, "起", "止", null, null, null), generated, null, footer);
            case XLS -> new ReturnTable("Sheet1", title, List.of("序号", "姓名", "性别", "公民身份号码", "出生日期", "政治面貌",
                    "选派层级", "派出单位", "驻村职务", "所在乡镇", "驻村村名称", "村级区划代码", "任职开始日期", "任职结束日期",
                    "培训学时", "是否提拔", "手机号码"), null, generated, null, footer);
            case CSV_UTF8, CSV_GBK -> new ReturnTable("", null, List.of("序号", "姓名", "性别", "身份证号码", "出生年月",
                    "政治面貌", "选派层级", "派出单位", "职务", "乡镇", "驻村", "村代码", "任职开始日期", "任职结束日期",
                    "培训学时", "是否提拔", "联系电话"), null, generated, null, List.of());
        };
    }

    private static List<Object> row(County county, Village village, int i, int role, ReturnFormat format, Random rnd) {
        Person person = BenchPeople.person(county.code(), i, rnd);
        int level = level(role, rnd);
        LocalDate start = rnd.nextInt(4) == 0 ? ROTATION.plusDays(1 + rnd.nextInt(90)) : ROTATION;
        LocalDate end = rnd.nextInt(10) < 7 ? ROTATION.plusYears(2) : null;
        String id = person.idNumber();
        int hours = 24 + 8 * rnd.nextInt(7);
        if (GeneratedRows.isInvalid(i)) {
            switch (GeneratedRows.kind(i)) {
                case 0 -> id = BenchPeople.withWrongCheckCharacter(id);
                case 1 -> end = start.minusDays(30);
                default -> hours = 5_000;
            }
        }
        String unit = level == 4 ? village.townshipName() + "人民政府" : level == 3
                ? county.name() + DEPARTMENTS[rnd.nextInt(DEPARTMENTS.length)] : "省" + DEPARTMENTS[rnd.nextInt(DEPARTMENTS.length)];
        boolean xlsx = format == ReturnFormat.XLSX;
        List<Object> cells = new ArrayList<>(17);
        cells.add(i + 1);
        cells.add(person.name());
        cells.add(person.gender());
        cells.add(id);
        cells.add(format.isCsv() ? String.format("%d-%02d", person.birth().getYear(), person.birth().getMonthValue())
                : new DateCell(person.birth(), xlsx ? "yyyy-mm" : "yyyy.mm"));
        cells.add(role == 2 ? STATUSES[rnd.nextInt(STATUSES.length)] : "中共党员");
        cells.add((i % 2 == 0 ? LEVELS : LEVELS_SHORT)[level]);
        cells.add(unit);
        cells.add(ROLES[role]);
        cells.add(village.townshipName());
        cells.add(village.shortName());
        cells.add(village.code());
        cells.add(date(start, format));
        cells.add(end == null ? null : date(end, format));
        cells.add(hours);
        cells.add(rnd.nextInt(20) == 0 ? "是" : "否");
        cells.add(person.mobile());
        return cells;
    }

    /** First secretaries and team leaders come from the higher levels. */
    private static int level(int role, Random rnd) {
        int percent = role == 0 ? rnd.nextInt(36) : role == 1 ? rnd.nextInt(81) : rnd.nextInt(100);
        int level = 0;
        while (percent >= LEVEL_SHARES[level]) {
            level++;
        }
        return level;
    }

    private static Object date(LocalDate date, ReturnFormat format) {
        return format.isCsv() ? date.format(ISO) : new DateCell(date, "yyyy-mm-dd");
    }
}
