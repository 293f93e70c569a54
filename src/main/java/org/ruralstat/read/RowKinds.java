package org.ruralstat.read;

import org.ruralstat.text.TextNormalizer;

import java.util.List;
import java.util.regex.Pattern;

/** Tells data rows from total rows (合计, 小计) and footer lines (填表人, 审核人, 填报日期, 备注). */
final class RowKinds {

    private static final Pattern TOTAL = Pattern.compile("^(合计|小计|总计|共计|全[县市区州省镇乡旗盟]{0,4}合计|总合计|合计数|total|subtotal|grandtotal|sum)(.{0,6})$");
    /** The first characters a total's key can start with, so most rows are passed over without building a key. */
    private static final String TOTAL_STARTS = "合小总共全tsg";
    private static final List<String> FOOTERS = List.of("填表人", "填报人", "制表人", "审核人", "审核", "负责人", "单位负责人",
            "统计负责人", "分管领导", "填报日期", "填表日期", "报送日期", "制表日期", "备注", "注", "说明", "数据来源", "资料来源");

    private static final String FOOTER_STARTS = FOOTERS.stream().map(f -> f.substring(0, 1)).distinct()
            .reduce("", String::concat);

    private RowKinds() {
    }

    static boolean isTotal(RawRow row) {
        int looked = 0;
        for (CellValue cell : row.cells()) {
            if (cell.isBlank()) {
                continue;
            }
            if (TextNormalizer.keyMayStartWith(cell.text(), TOTAL_STARTS)) {
                String key = TextNormalizer.matchKey(cell.text());
                if (!key.isEmpty() && TOTAL_STARTS.indexOf(key.charAt(0)) >= 0 && TOTAL.matcher(key).matches()) {
                    return true;
                }
            }
            if (++looked == 3) {
                return false;
            }
        }
        return false;
    }

    /** A 小计 row: totals the rows since the previous subtotal, where 合计 totals the whole sheet. */
    static boolean isSubtotal(RawRow row) {
        return row.cells().stream().filter(c -> !c.isBlank()).limit(3)
                .anyMatch(c -> TextNormalizer.matchKey(c.text()).startsWith("小计") || TextNormalizer.matchKey(c.text()).startsWith("subtotal"));
    }

    static boolean isFooter(RawRow row) {
        String first = "";
        for (CellValue cell : row.cells()) {
            if (!cell.isBlank()) {
                first = cell.text();
                break;
            }
        }
        String text = TextNormalizer.toSimplified(TextNormalizer.clean(first));
        if (text.isEmpty() || FOOTER_STARTS.indexOf(text.charAt(0)) < 0) {
            return false;
        }
        for (String footer : FOOTERS) {
            if (text.startsWith(footer)) {
                String rest = text.substring(footer.length()).stripLeading();
                if (rest.isEmpty() ? row.filledCells() <= 6 : rest.startsWith(":") || rest.startsWith("：") || footer.length() >= 3) {
                    return true;
                }
            }
        }
        return false;
    }
}
