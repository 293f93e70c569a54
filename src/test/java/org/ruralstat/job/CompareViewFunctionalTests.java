package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v_compare against figures computed here, independently, from the values written into the returns: rank in
 * province (ties share a rank), province median (an even count averages the middle two), ratio to the median and
 * year-on-year change; and a county's own report winning over its prefecture's figure for the same county.
 */
class CompareViewFunctionalTests {

    /** Yanbian's eight counties with their 2021 and 2022 rural per-capita income as the prefecture reports them. */
    private static final Map<String, int[]> PREFECTURE_REPORT = new LinkedHashMap<>();

    static {
        PREFECTURE_REPORT.put("222401", new int[]{17_120, 18_760});
        PREFECTURE_REPORT.put("222402", new int[]{14_800, 15_500});
        PREFECTURE_REPORT.put("222403", new int[]{16_050, 17_220});
        PREFECTURE_REPORT.put("222404", new int[]{16_900, 17_940});
        PREFECTURE_REPORT.put("222405", new int[]{14_650, 15_410});
        PREFECTURE_REPORT.put("222406", new int[]{13_990, 14_830});
        PREFECTURE_REPORT.put("222424", new int[]{14_300, 15_410});   // ties with 222405 in 2022
        PREFECTURE_REPORT.put("222426", new int[]{14_120, 14_960});
    }

    /** Tumen reports its own 2022 figure, which differs from the prefecture's. */
    private static final int TUMEN_OWN_2022 = 15_680;

    @TempDir
    Path temp;

    @Test
    void ranksMediansRatiosAndChangesEqualThoseComputedFromTheReturns() throws Exception {
        List<String> lines = new ArrayList<>(List.of("延边州各县市农村居民人均可支配收入", "地区,区划代码,年度,农村居民人均可支配收入（元）"));
        PREFECTURE_REPORT.forEach((code, values) -> {
            lines.add("," + code + ",2021," + values[0]);
            lines.add("," + code + ",2022," + values[1]);
        });
        ReturnFixtures.csv(temp.resolve("input/222400"), "延边州农村居民收入.csv", Charset.forName("GBK"), lines.toArray(String[]::new));
        ReturnFixtures.csv(temp.resolve("input/222402"), "图们市2022年收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（元）", "图们市,2022," + TUMEN_OWN_2022);
        assertThat(SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"))).isZero();

        Map<String, BigDecimal> y2021 = new LinkedHashMap<>();
        Map<String, BigDecimal> y2022 = new LinkedHashMap<>();
        PREFECTURE_REPORT.forEach((code, values) -> {
            y2021.put(code, BigDecimal.valueOf(values[0]));
            y2022.put(code, BigDecimal.valueOf(code.equals("222402") ? TUMEN_OWN_2022 : values[1]));
        });
        List<String> expected = new ArrayList<>();
        expected.addAll(expectedRows(2021, y2021, null));
        expected.addAll(expectedRows(2022, y2022, y2021));

        try (WarehouseQueries warehouse = WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"))) {
            List<String> actual = warehouse.strings("""
                    select concat_ws('|', region_code, year, value, value_source, rank_in_province, regions_in_province,
                                     province_median, ratio_to_median, coalesce(cast(yoy_change as varchar), '-'))
                    from v_compare
                    where province_code = '220000' and level = 'county' and indicator_code = 'rural_income_per_capita'
                    order by year, region_code""").stream().map(CompareViewFunctionalTests::rounded).toList();
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> expectedRows(int year, Map<String, BigDecimal> values, Map<String, BigDecimal> previous) {
        List<BigDecimal> sorted = values.values().stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        List<String> rows = new ArrayList<>();
        values.forEach((code, value) -> {
            long rank = 1 + values.values().stream().filter(other -> other.compareTo(value) > 0).count();
            String yoy = previous == null ? "-" : scaled(value.divide(previous.get(code), MathContext.DECIMAL64).subtract(BigDecimal.ONE), 6);
            rows.add(String.join("|", code, String.valueOf(year), scaled(value, 2), "reported", String.valueOf(rank),
                    String.valueOf(n), scaled(median, 2), scaled(value.divide(median, MathContext.DECIMAL64), 6), yoy));
        });
        return rows;
    }

    /** The view's row with its numbers rounded as the expected rows are: values and medians to 2 places, ratios to 6. */
    private static String rounded(String row) {
        String[] fields = row.split("\\|");
        fields[2] = scaled(new BigDecimal(fields[2]), 2);
        fields[6] = scaled(new BigDecimal(fields[6]), 2);
        fields[7] = scaled(new BigDecimal(fields[7]), 6);
        fields[8] = fields[8].equals("-") ? "-" : scaled(new BigDecimal(fields[8]), 6);
        return String.join("|", fields);
    }

    private static String scaled(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
