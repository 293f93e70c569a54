package org.ruralstat.validate;

import org.ruralstat.normalize.NumberNormalizer;
import org.ruralstat.normalize.ParsedNumber;
import org.ruralstat.read.CellReferences;
import org.ruralstat.read.SheetLayout;
import org.ruralstat.read.SourceRow;
import org.ruralstat.subject.FieldType;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.text.TextNormalizer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a 合计 or 小计 row states for each summable column (wide indicators, money and whole-number fields),
 * in canonical units, so a set rule can compare it with the sum of the rows it totals. Never a fact.
 */
final class TotalRows {

    private final FieldValues values;

    TotalRows(FieldValues values) {
        this.values = values;
    }

    StagedRow stated(SourceRow item) {
        SheetLayout layout = item.layout();
        SubjectDefinition subject = layout.subject();
        List<Map<String, Object>> totals = new ArrayList<>();
        for (Map.Entry<Integer, HeaderBinding> column : layout.columns().entrySet()) {
            HeaderBinding binding = column.getValue();
            String target;
            String dimension;
            String defaultUnit;
            if (binding.isIndicator()) {
                target = subject.measures().column();
                dimension = subject.measures().dimension();
                defaultUnit = dimension.equals("money") ? "元" : "人";
            } else if (binding.field().column() != null && binding.field().type() == FieldType.MONEY) {
                target = binding.field().column();
                dimension = "money";
                defaultUnit = "元";
            } else if (binding.field().column() != null && binding.field().type() == FieldType.INTEGER) {
                target = binding.field().column();
                dimension = null;
                defaultUnit = null;
            } else {
                continue;
            }
            Optional<ParsedNumber> parsed = NumberNormalizer.parse(TextNormalizer.clean(item.row().text(column.getKey())));
            if (parsed.isEmpty() || parsed.get().isEmpty()) {
                continue;
            }
            Optional<BigDecimal> value = dimension == null ? Optional.of(parsed.get().value())
                    : values.toCanonical(parsed.get(), binding.unit(), layout.defaultUnit(), defaultUnit, dimension);
            if (value.isEmpty()) {
                continue;
            }
            Map<String, Object> total = new HashMap<>();
            total.put("sheet", layout.sheetName());
            total.put("source_row", item.row().rowNumber());
            total.put("kind", item.kind() == SourceRow.Kind.SUBTOTAL ? "subtotal" : "total");
            total.put("target_column", target);
            total.put("indicator_code", binding.isIndicator() ? binding.indicator() : null);
            total.put("value", value.get());
            total.put("column_name", binding.header());
            total.put("cell_ref", CellReferences.of(column.getKey(), item.row().rowNumber()));
            totals.add(total);
        }
        return new StagedRow(subject.stagingTable(), layout.sheetName(), item.row().rowNumber(), List.of(), List.of(), totals, true);
    }
}
