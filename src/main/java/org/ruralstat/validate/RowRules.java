package org.ruralstat.validate;

import org.ruralstat.read.SheetLayout;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.subject.FieldDefinition;
import org.ruralstat.subject.RuleDefinition;
import org.ruralstat.subject.SubjectDefinition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row rules a subject declares (range, compare, unit_fits, birth_matches_id), checked on the facts a row
 * yields, each finding pinned to the cell of the value that broke it.
 */
final class RowRules {

    /** Internal fact key: the source column a measure value came from. */
    static final String CELL = "_cell";
    /** Internal fact key: the birth year written in the ID number. */
    static final String ID_BIRTH_YEAR = "_id_birth_year";

    private final ReferenceData reference;

    RowRules(ReferenceData reference) {
        this.reference = reference;
    }

    void check(RowCheck check, SubjectDefinition subject, List<Map<String, Object>> facts) {
        // the subject's rules as declared, set rules passed over: picking the row rules out would be a list per row
        for (RuleDefinition rule : subject.rules()) {
            if (rule.isSetRule()) {
                continue;
            }
            for (Map<String, Object> fact : facts) {
                switch (rule.kind()) {
                    case "range" -> range(check, subject, rule, fact);
                    case "compare" -> compare(check, subject, rule, fact);
                    case "unit_fits" -> unitFits(check, subject, rule, fact);
                    case "birth_matches_id" -> birthMatchesId(check, subject, rule, fact);
                    default -> throw new IllegalStateException(rule.id() + ": unknown rule kind " + rule.kind());
                }
            }
        }
    }

    private void range(RowCheck check, SubjectDefinition subject, RuleDefinition rule, Map<String, Object> fact) {
        List<String> indicators = rule.list("indicators");
        if (!indicators.isEmpty() && !indicators.contains(String.valueOf(fact.get("indicator_code")))) {
            return;
        }
        Object value = fact.get(rule.text("column"));
        if (!(value instanceof Number number)) {
            return;
        }
        BigDecimal amount = decimal(number);
        Double min = rule.number("min");
        Double max = rule.number("max");
        boolean below = min != null && amount.compareTo(BigDecimal.valueOf(min)) < 0;
        boolean above = max != null && amount.compareTo(BigDecimal.valueOf(max)) > 0;
        if (below || above) {
            add(check, subject, rule, fact, rule.text("column"), Map.of("value", plain(amount),
                    "min", min == null ? "" : plain(BigDecimal.valueOf(min)), "max", max == null ? "" : plain(BigDecimal.valueOf(max)),
                    "indicator", String.valueOf(fact.getOrDefault("indicator_code", ""))));
        }
    }

    private void compare(RowCheck check, SubjectDefinition subject, RuleDefinition rule, Map<String, Object> fact) {
        Object left = fact.get(rule.text("left"));
        Object right = fact.get(rule.text("right"));
        if (left == null || right == null) {
            return;
        }
        int order;
        if (left instanceof LocalDate l && right instanceof LocalDate r) {
            order = l.compareTo(r);
        } else if (left instanceof Number l && right instanceof Number r) {
            order = decimal(l).compareTo(decimal(r));
        } else {
            return;
        }
        boolean holds = switch (rule.text("op")) {
            case ">=" -> order >= 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            case "<" -> order < 0;
            default -> throw new IllegalStateException(rule.id() + ": unknown operator " + rule.text("op"));
        };
        if (!holds) {
            add(check, subject, rule, fact, rule.text("left"),
                    Map.of("left_value", String.valueOf(left), "right_value", String.valueOf(right)));
        }
    }

    private void unitFits(RowCheck check, SubjectDefinition subject, RuleDefinition rule, Map<String, Object> fact) {
        Object type = fact.get(rule.text("type_column"));
        Object unit = fact.get(rule.text("unit_column"));
        if (type == null || unit == null) {
            return;
        }
        Set<String> allowed = reference.projectTypeUnits().get(type.toString());
        if (allowed != null && !allowed.contains(unit.toString())) {
            add(check, subject, rule, fact, rule.text("unit_column"), Map.of("unit", unitZh(unit.toString()),
                    "type", reference.codeLists().nameOf("project_type", type.toString()),
                    "allowed", String.join("或", allowed.stream().map(RowRules::unitZh).toList())));
        }
    }

    private void birthMatchesId(RowCheck check, SubjectDefinition subject, RuleDefinition rule, Map<String, Object> fact) {
        Object written = fact.get(rule.text("column"));
        Object fromId = fact.get(ID_BIRTH_YEAR);
        if (written != null && fromId != null && !written.equals(fromId)) {
            add(check, subject, rule, fact, rule.text("column"),
                    Map.of("birth_year", written.toString(), "id_birth_year", fromId.toString()));
        }
    }

    private void add(RowCheck check, SubjectDefinition subject, RuleDefinition rule, Map<String, Object> fact,
                     String column, Map<String, String> params) {
        SheetLayout layout = check.layout();
        int cell = fact.get(CELL) instanceof Integer i && (column.equals(valueColumn(subject)))
                ? i : columnIndex(layout, subject, column);
        String shown = cell < 0 ? "" : check.cell(cell).text();
        check.add(rule.id(), cell, cell < 0 ? null : layout.columns().get(cell), shown, params);
    }

    private static String valueColumn(SubjectDefinition subject) {
        return subject.hasMeasures() ? subject.measures().column() : "";
    }

    private static int columnIndex(SheetLayout layout, SubjectDefinition subject, String column) {
        return subject.fields().stream().filter(f -> column.equals(f.column())).map(FieldDefinition::name).findFirst()
                .flatMap(layout::columnOf).orElse(-1);
    }

    /** A canonical quantity unit as a bureau writes it. */
    static String unitZh(String canonical) {
        return switch (canonical) {
            case "m" -> "米（延长米、公里）";
            case "m2" -> "平方米";
            case "unit" -> "座/套/个";
            case "household" -> "户";
            default -> canonical;
        };
    }

    /** The number as a BigDecimal of the same value and scale its text has. */
    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
