package org.ruralstat.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ruralstat.bench.BenchRegions.County;
import org.ruralstat.bench.BenchRegions.Village;

/**
 * A county's income (收入) or employment (就业) return in the long layout: one village, indicator and year
 * per row (地区, 区划代码, 年度, 指标, 数值, 单位), years from 2015 on, so region, indicator and period never
 * repeat. Values grow a few percent a year; operating income stays below collective income and stable
 * employment below transfer employment. The deliberate mistake is always the third indicator of its
 * village: a per-capita income of 350,000 yuan, or a negative number of migrant workers.
 */
final class IndicatorReturns {

    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2025;

    /** One indicator as written, with its unit and the range of a village's first-year value. */
    private record Indicator(String name, String unit, double low, double high, int scale) {
    }

    /** One subject's indicators; the third is the one a mistake goes to, the second is limited by the first. */
    private record Subject(String name, String titleWords, List<Indicator> indicators, double[] limitShare,
                           BigDecimal wrongValue) {
    }

    static final String INCOME = "income";
    static final String EMPLOYMENT = "employment";

    /** Indicators as "name unit low high scale". */
    private static final Subject INCOME_SUBJECT = subject(INCOME, "农村居民收入情况", 0.3, 0.9, "350000",
            "村集体经济收入 万元 5 300 2", "村集体经营性收入 万元 0 0 2", "农村居民人均可支配收入 元 9000 30000 0",
            "脱贫人口人均纯收入 元 8000 20000 0", "脱贫地区农村居民人均可支配收入 元 9000 25000 0");
    private static final Subject EMPLOYMENT_SUBJECT = subject(EMPLOYMENT, "农村劳动力就业情况", 0.1, 0.5, "-120",
            "转移就业人数 人 100 1500 0", "脱贫劳动力稳定就业人数 人 0 0 0", "外出务工人数 人 50 1200 0",
            "就地就业人数 人 20 600 0", "公益岗位人数 人 2 60 0");

    private IndicatorReturns() {
    }

    private static Subject subject(String name, String titleWords, double minShare, double maxShare, String wrongValue,
                                   String... indicators) {
        List<Indicator> parsed = new ArrayList<>();
        for (String indicator : indicators) {
            String[] p = indicator.split(" ");
            parsed.add(new Indicator(p[0], p[1], Double.parseDouble(p[2]), Double.parseDouble(p[3]), Integer.parseInt(p[4])));
        }
        return new Subject(name, titleWords, List.copyOf(parsed), new double[] {minShare, maxShare}, new BigDecimal(wrongValue));
    }

    private static Subject subject(String name) {
        return INCOME.equals(name) ? INCOME_SUBJECT : EMPLOYMENT_SUBJECT;
    }

    /** How many years a county needs for {@code rows} rows. */
    static int years(County county, int rows) {
        int perYear = county.villages().size() * INCOME_SUBJECT.indicators().size();
        int years = (rows + perYear - 1) / perYear;
        if (FIRST_YEAR + years - 1 > LAST_YEAR) {
            throw new IllegalArgumentException(county.code() + " has too few villages for " + rows + " rows");
        }
        return Math.max(years, 1);
    }

    /** How many villages a return of {@code rows} rows needs at most, every year of 2015 to 2025 used. */
    static int villagesFor(int rows) {
        int perVillage = INCOME_SUBJECT.indicators().size() * (LAST_YEAR - FIRST_YEAR + 1);
        return (rows + perVillage - 1) / perVillage;
    }

    static String fileName(String subject, County county, int rows, ReturnFormat format) {
        return title(subject(subject), county, rows) + "." + format.extension();
    }

    /** 上虞区2015-2018年农村居民收入情况, or 上虞区2015年… for one year. */
    private static String title(Subject subject, County county, int rows) {
        int last = FIRST_YEAR + years(county, rows) - 1;
        return county.name() + FIRST_YEAR + (last > FIRST_YEAR ? "-" + last : "") + "年" + subject.titleWords();
    }

    /** How many indicators a village reports in a return of the subject. */
    static int indicatorsOf(String subjectName) {
        return subject(subjectName).indicators().size();
    }

    static ReturnTable table(String subjectName, County county, int rows, ReturnFormat format, long seed) {
        Subject subject = subject(subjectName);
        int perVillage = subject.indicators().size();
        int perYear = county.villages().size() * perVillage;
        GeneratedRows generated = new GeneratedRows(rows, i -> {
            int year = FIRST_YEAR + i / perYear;
            Village village = county.villages().get(i % perYear / perVillage);
            int k = i % perVillage;
            Indicator indicator = subject.indicators().get(k);
            BigDecimal value = GeneratedRows.isInvalid(i) ? subject.wrongValue()
                    : value(subject, village, k, year - FIRST_YEAR, seed);
            List<Object> cells = new ArrayList<>(6);
            cells.add(village.shortName());
            cells.add(village.code());
            cells.add(year);
            cells.add(indicator.name());
            cells.add(format.isCsv() ? value : (Object) value.doubleValue());
            cells.add(indicator.unit());
            return cells;
        });
        List<String> header = List.of("地区", "区划代码", "年度", "指标", "数值", "单位");
        String title = title(subject, county, rows);
        return format.isCsv() ? new ReturnTable("", null, header, null, generated, null, List.of())
                : new ReturnTable("Sheet1", title, header, null, generated, null, List.of("填表人：张丽", "审核人：陈伟"));
    }

    /**
     * A village's value of indicator {@code k} in year {@code y} (0 for the first): drawn once per village
     * and indicator, growing 4% a year; the second indicator is a share of the first.
     */
    private static BigDecimal value(Subject subject, Village village, int k, int y, long seed) {
        Indicator indicator = subject.indicators().get(k);
        double growth = Math.pow(1.04, y);
        if (k == 1) {
            Random limit = new Random(seed ^ village.code().hashCode());
            double first = draw(subject.indicators().get(0), limit) * growth;
            double share = subject.limitShare()[0] + (subject.limitShare()[1] - subject.limitShare()[0]) * limit.nextDouble();
            return BigDecimal.valueOf(first * share).setScale(indicator.scale(), RoundingMode.FLOOR)
                    .min(BigDecimal.valueOf(first).setScale(indicator.scale(), RoundingMode.HALF_UP));
        }
        Random draws = new Random(seed ^ village.code().hashCode() ^ ((long) k << 40));
        double value = draw(indicator, draws) * growth;
        return BigDecimal.valueOf(value).setScale(indicator.scale(), RoundingMode.HALF_UP);
    }

    private static double draw(Indicator indicator, Random rnd) {
        return indicator.low() + (indicator.high() - indicator.low()) * rnd.nextDouble();
    }
}
