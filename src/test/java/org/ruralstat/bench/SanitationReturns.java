package org.ruralstat.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ruralstat.bench.BenchRegions.County;
import org.ruralstat.bench.BenchRegions.Village;
import org.ruralstat.bench.ReturnTable.DateCell;

/**
 * A county's sanitation project return (农村人居环境整治项目统计表): one project in one village per row,
 * named after its village, type and a running number, so project, village and type never repeat. Excel
 * returns end with a 合计 row of the investment. Mistakes: septic tanks measured in 米, a negative
 * investment, a completion before the start.
 */
final class SanitationReturns {

    static final int PERIOD = 2022;

    /** A kind of project as written, its units and the range of its quantity. */
    private record Kind(String type, String[] units, int low, int high) {
    }

    private static final Kind[] KINDS = {
        new Kind("污水管网", new String[] {"延长米", "米"}, 200, 5_000),
        new Kind("化粪池", new String[] {"座", "个"}, 1, 30),
        new Kind("污水处理终端", new String[] {"套"}, 1, 2),
        new Kind("卫生厕所改造", new String[] {"户"}, 10, 300),
        new Kind("垃圾收运", new String[] {"处"}, 1, 10),
        new Kind("道路恢复", new String[] {"平方米"}, 500, 20_000),
    };
    private static final LocalDate SEASON = LocalDate.of(PERIOD, 3, 1);
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private SanitationReturns() {
    }

    static String fileName(County county, ReturnFormat format) {
        return county.name() + PERIOD + "年农村人居环境整治项目统计表." + format.extension();
    }

    static ReturnTable table(County county, int rows, ReturnFormat format, Random rnd) {
        List<Village> villages = county.villages();
        long[] totalHundredths = {0};
        GeneratedRows generated = new GeneratedRows(rows, i -> {
            Village village = villages.get((int) ((long) i * villages.size() / rows));
            List<Object> cells = row(village, i, format, rnd);
            totalHundredths[0] += ((BigDecimal) cells.get(8)).movePointRight(2).longValueExact();
            return cells;
        });
        List<String> header = Arrays.asList("序号", "项目名称", "乡镇", "村", "村代码", "类型", "工程量", "单位", "投资（万元）",
                "开工日期", "完工日期", "状态", "受益户数", "年度");
        if (format.isCsv()) {
            return new ReturnTable("", null, header, null, generated, null, List.of());
        }
        Object[] total = new Object[header.size()];
        return new ReturnTable("项目表", PERIOD + "年" + county.name() + "农村人居环境整治项目统计表", header, null, generated,
                () -> {
                    total[0] = "合计";
                    total[8] = BigDecimal.valueOf(totalHundredths[0], 2).doubleValue();
                    return Arrays.asList(total);
                }, List.of("填表人：刘芳", "审核人：赵强", "填报日期：2023年1月5日"));
    }

    private static List<Object> row(Village village, int i, ReturnFormat format, Random rnd) {
        Kind kind = KINDS[i % KINDS.length];
        String unit = kind.units()[rnd.nextInt(kind.units().length)];
        BigDecimal quantity = BigDecimal.valueOf(kind.low() + rnd.nextInt(kind.high() - kind.low() + 1));
        BigDecimal investment = BigDecimal.valueOf(500 + rnd.nextInt(200_000), 2); // 万元
        LocalDate start = SEASON.plusDays(rnd.nextInt(150));
        LocalDate completion = rnd.nextInt(5) == 0 ? null : start.plusDays(30 + rnd.nextInt(170));
        String type = kind.type();
        if (GeneratedRows.isInvalid(i)) {
            switch (GeneratedRows.kind(i)) {
                case 0 -> {
                    type = "化粪池";
                    unit = "米";
                }
                case 1 -> investment = investment.negate();
                default -> completion = start.minusDays(10);
            }
        }
        List<Object> cells = new ArrayList<>(14);
        cells.add(i + 1);
        cells.add(village.shortName() + type + "项目（" + (i + 1) + "）");
        cells.add(village.townshipName());
        cells.add(village.shortName());
        cells.add(village.code());
        cells.add(type);
        cells.add(format.isCsv() ? quantity : (Object) quantity.doubleValue());
        cells.add(unit);
        cells.add(investment);
        cells.add(date(start, format));
        cells.add(completion == null ? null : date(completion, format));
        cells.add(completion == null ? "在建" : "已完工");
        cells.add(20 + rnd.nextInt(480));
        cells.add(PERIOD);
        return cells;
    }

    private static Object date(LocalDate date, ReturnFormat format) {
        return format.isCsv() ? date.format(DOTTED) : new DateCell(date, "yyyy\"年\"m\"月\"d\"日\"");
    }
}
