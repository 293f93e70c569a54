package org.ruralstat.validate;

import org.ruralstat.normalize.NumberNormalizer;
import org.ruralstat.normalize.ParsedNumber;
import org.ruralstat.read.CellReferences;
import org.ruralstat.read.SheetLayout;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.subject.MeasureSpec;
import org.ruralstat.text.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The facts of a row's indicator cells: one per indicator column of a wide layout (年份 in the header or the row), or
 * per value column of a long one (an 指标 column names the indicator), each in its indicator's canonical unit; a 上年
 * column gives last year's figure to check against the published one, never a fact.
 */
final class IndicatorCells {

    private final ReferenceData reference;
    private final FieldValues values;

    IndicatorCells(ReferenceData reference, FieldValues values) {
        this.reference = reference;
        this.values = values;
    }

    List<Map<String, Object>> facts(RowCheck check, MeasureSpec spec, Map<String, Object> base,
                                               List<Map<String, Object>> priors) {
        SheetLayout layout = check.layout();
        List<Map<String, Object>> facts = new ArrayList<>();
        if (layout.isWide()) {
            for (Map.Entry<Integer, HeaderBinding> column : layout.columns().entrySet()) {
                if (column.getValue().isIndicator()) {
                    measure(check, spec, base, column.getKey(), column.getValue(), column.getValue().indicator(),
                            column.getValue().unit()).ifPresent(column.getValue().previousYear() ? priors::add : facts::add);
                }
            }
        } else {
            int indicatorColumn = layout.columnOf(spec.indicatorField()).orElseThrow();
            HeaderBinding indicatorBinding = layout.columns().get(indicatorColumn);
            String written = check.text(indicatorColumn);
            Optional<String> indicator = layout.matcher().indicator(written);
            if (indicator.isEmpty()) {
                check.add(written.isEmpty() ? "ROW-001" : "ROW-015", indicatorColumn, indicatorBinding, written, Map.of(
                        "subject", layout.subject().nameZh(), "subject_en", layout.subject().nameEn(),
                        "allowed", allowedIndicators(layout)));
                return facts;
            }
            String unit = layout.columnOf(spec.unitField()).map(check::text).orElse("");
            if (unit.isEmpty()) {
                unit = layout.matcher().unitIn(written);
            }
            for (Map.Entry<Integer, HeaderBinding> column : layout.columns().entrySet()) {
                HeaderBinding binding = column.getValue();
                if (!binding.isIndicator() && binding.field().name().equals(spec.valueField())) {
                    measure(check, spec, base, column.getKey(), binding, indicator.get(), unit)
                            .ifPresent(binding.previousYear() ? priors::add : facts::add);
                }
            }
        }
        if (facts.isEmpty() && !check.hasErrors()) {
            check.addRow("ROW-018", Map.of());
        }
        return facts;
    }

    private Optional<Map<String, Object>> measure(RowCheck check, MeasureSpec spec, Map<String, Object> base, int column,
                                                  HeaderBinding binding, String indicator, String unit) {
        String text = check.text(column);
        Optional<ParsedNumber> parsed = NumberNormalizer.parse(text);
        if (parsed.isEmpty()) {
            check.add("ROW-002", column, binding, text, Map.of());
            return Optional.empty();
        }
        if (parsed.get().isEmpty()) {
            return Optional.empty();
        }
        String canonical = reference.indicatorUnits().getOrDefault(indicator, spec.dimension().equals("money") ? "元" : "人");
        Optional<BigDecimal> value = values.toCanonical(parsed.get(), unit, check.layout().defaultUnit(), canonical,
                spec.dimension(), reference.alsoAccepted(indicator));
        if (value.isEmpty()) {
            String written = !parsed.get().unit().isEmpty() ? parsed.get().unit() : !unit.isEmpty() ? unit
                    : check.layout().defaultUnit();
            boolean known = reference.units().find(written).isPresent();
            check.add(known ? "ROW-022" : "ROW-014", column, binding, text + (unit.isEmpty() ? "" : " " + unit),
                    Map.of("dimension", spec.dimension(), "dimension_zh", FieldValues.dimensionZh(spec.dimension()),
                            "unit", written, "indicator", indicator, "accepted", accepted(spec, indicator)));
            return Optional.empty();
        }
        BigDecimal amount = value.get();
        if (spec.dimension().equals("persons") && amount.stripTrailingZeros().scale() > 0) {
            check.add("ROW-016", column, binding, text, Map.of());
            return Optional.empty();
        }
        if (binding.previousYear()) {
            return prior(base, indicator, column, value.get());
        }
        Map<String, Object> fact = new LinkedHashMap<>(base);
        if (binding.period() != null) {
            if (!withinSpan(check, column, binding.period())) {
                return Optional.empty();
            }
            fact.put("year", binding.period().year());
            fact.put("period", binding.period().label());
        }
        fact.put("indicator_code", indicator);
        fact.put(spec.column(), amount);
        fact.put(RowRules.CELL, column);
        fact.put("source_column", CellReferences.columnLetters(column));
        return Optional.of(fact);
    }

    /** Last year's figure of a 上年 column, for the row's region and the year before the row's; none without a year. */
    private static Optional<Map<String, Object>> prior(Map<String, Object> base, String indicator, int column, BigDecimal value) {
        Object year = base.get("year");
        Object region = base.get("region_code");
        if (!(year instanceof Integer y) || region == null) {
            return Optional.empty();
        }
        Map<String, Object> prior = new LinkedHashMap<>();
        prior.put("sheet", base.get("sheet"));
        prior.put("source_row", base.get("source_row"));
        prior.put("source_column", CellReferences.columnLetters(column));
        prior.put("region_code", region);
        prior.put("indicator_code", indicator);
        prior.put("year", y - 1);
        prior.put("period", Integer.toString(y - 1));
        prior.put("value", value);
        return Optional.of(prior);
    }

    /** The units an indicator may be written in: those of its dimension, and those the seeds add for it. */
    private String accepted(MeasureSpec spec, String indicator) {
        java.util.Set<String> names = new java.util.TreeSet<>(reference.units().namesOf(spec.dimension()));
        names.addAll(reference.alsoAccepted(indicator));
        return String.join("、", names);
    }

    /** Whether the year lies in the span the title names (`2020-2022年`); an error on the row when it does not. */
    static boolean withinSpan(RowCheck check, int column, Period period) {
        var span = check.layout().span();
        if (span == null || span.contains(period.year())) {
            return true;
        }
        Map<String, String> params = Map.of("year", Integer.toString(period.year()), "span", span.label());
        if (column >= 0) {
            check.add("ROW-021", column, check.layout().columns().get(column), period.label(), params);
        } else {
            check.addRow("ROW-021", params);
        }
        return false;
    }

    private static String allowedIndicators(SheetLayout layout) {
        return layout.subject().indicators().stream().map(i -> i.aliases().isEmpty() ? i.code() : i.aliases().get(0))
                .collect(Collectors.joining("、"));
    }
}
