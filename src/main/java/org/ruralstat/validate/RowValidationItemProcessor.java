package org.ruralstat.validate;

import org.ruralstat.normalize.CadreKeyHasher;
import org.ruralstat.normalize.NumberNormalizer;
import org.ruralstat.normalize.ParsedNumber;
import org.ruralstat.read.CellReferences;
import org.ruralstat.read.RawRow;
import org.ruralstat.read.ReceiptSheet;
import org.ruralstat.read.SheetLayout;
import org.ruralstat.read.SourceRow;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.reference.Region;
import org.ruralstat.reference.RegionMatch;
import org.ruralstat.reference.Unit;
import org.ruralstat.subject.FieldDefinition;
import org.ruralstat.subject.FieldType;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.subject.MeasureSpec;
import org.ruralstat.subject.RegionSpec;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.text.Period;
import org.ruralstat.text.PeriodNormalizer;
import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.text.TextNormalizer;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a source row into the facts it yields, or into findings: every cell normalized by its field type,
 * the region resolved inside the submitter's jurisdiction, the period settled, units made canonical.
 * A bad row is data (a rejected StagedRow), never an exception. Stateless, so partitions share it.
 */
public class RowValidationItemProcessor implements ItemProcessor<SourceRow, StagedRow> {

    private final ReferenceData reference;
    private final RuleCatalog rules;
    private final FieldValues values;
    /** The field every subject declares for a bureau's 说明 on a row (jobs/*.yml). */
    public static final String JUSTIFICATION_FIELD = "justification";

    private final RowRules rowRules;
    private final TotalRows totals;
    private final IndicatorCells indicatorCells;

    public RowValidationItemProcessor(ReferenceData reference, RuleCatalog rules, CadreKeyHasher hasher) {
        this.reference = reference;
        this.rules = rules;
        this.values = new FieldValues(reference, hasher);
        this.rowRules = new RowRules(reference);
        this.totals = new TotalRows(values);
        this.indicatorCells = new IndicatorCells(reference, values);
    }

    @Override
    public StagedRow process(SourceRow item) {
        if (item.isProblem()) {
            return StagedRow.problem(rules.finding(item.problem()));
        }
        if (item.isLayout()) {
            return columns(item.layout());
        }
        if (item.isJustification()) {
            return justification(item.row());
        }
        if (item.isTotal()) {
            return totals.stated(item);
        }
        SheetLayout layout = item.layout();
        SubjectDefinition subject = layout.subject();
        RowCheck check = new RowCheck(layout, item.row(), rules);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("sheet", layout.sheetName());
        base.put("source_row", item.row().rowNumber());

        for (Map.Entry<Integer, HeaderBinding> column : layout.columns().entrySet()) {
            HeaderBinding binding = column.getValue();
            if (binding.isIndicator() || !isSimple(binding.field().type())) {
                continue;
            }
            Object value = values.value(check, column.getKey(), binding);
            if (value != null) {
                if (binding.field().column() != null) {
                    base.put(binding.field().column(), value);
                }
            }
        }
        dateRanges(check, subject, base);
        checkRequired(check, subject, layout);
        resolveRegion(check, subject.region(), base);
        settlePeriod(check, subject, base);
        quantities(check, subject, base);
        if (base.containsKey("cadre_key")) {
            Integer fromId = birthYearFromKeySource(check, layout);
            base.put(RowRules.ID_BIRTH_YEAR, fromId);
            base.putIfAbsent("birth_year", fromId);
        }
        List<Map<String, Object>> priors = new ArrayList<>();
        List<Map<String, Object>> facts = subject.hasMeasures() ? indicatorCells.facts(check, subject.measures(), base, priors) : List.of(base);
        rowRules.check(check, subject, facts);
        List<Map<String, Object>> keys = List.of();
        if (check.hasErrors()) {
            keys = keysOf(check, subject, base);
            facts = List.of();
            priors = List.of();
        }
        return new StagedRow(subject.stagingTable(), layout.sheetName(), item.row().rowNumber(), facts, check.findings(),
                List.of(), false, keys, priors, justification(check, layout));
    }

    /** A justified line of a returned 回执 ({@code stg_justification}), settled against the findings it names. */
    private static StagedRow justification(RawRow line) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("source_row", line.rowNumber());
        fact.put("sheet", text(line, ReceiptSheet.SHEET));
        String row = text(line, ReceiptSheet.ROW);
        fact.put("row_number", row != null && row.matches("[0-9]{1,9}") ? Integer.valueOf(row) : null);
        fact.put("cell_ref", text(line, ReceiptSheet.CELL));
        fact.put("column_name", text(line, ReceiptSheet.COLUMN));
        fact.put("raw_value", text(line, ReceiptSheet.VALUE));
        fact.put("rule", text(line, ReceiptSheet.RULE));
        fact.put("message_zh", text(line, ReceiptSheet.MESSAGE));
        String justification = text(line, ReceiptSheet.JUSTIFICATION);
        fact.put("justification", justification.length() > 500 ? justification.substring(0, 500) : justification);
        return new StagedRow("stg_justification", ReceiptSheet.SHEET_NAME, line.rowNumber(), List.of(fact), List.of(),
                List.of(), false);
    }

    /**
     * A cell of a returned 回执 as ruralstat wrote it there (masked already, scrubbed again), so that it compares
     * equal to the finding it came from; the 说明 is cleaned like any stored text. Null if blank.
     */
    private static String text(RawRow line, int index) {
        String raw = line.cell(index).text();
        String text = PersonalDataMasker.scrub(index == ReceiptSheet.JUSTIFICATION ? TextNormalizer.clean(raw)
                : raw == null ? "" : raw.strip());
        return text.isEmpty() ? null : text;
    }

    /** A sheet's column headers by column letters ({@code stg_column}), for findings that know only a cell. */
    private static StagedRow columns(SheetLayout layout) {
        List<Map<String, Object>> columns = new ArrayList<>();
        layout.columns().forEach((column, binding) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sheet", layout.sheetName());
            line.put("source_column", CellReferences.columnLetters(column));
            line.put("header", PersonalDataMasker.scrub(binding.header()));
            columns.add(line);
        });
        return new StagedRow("stg_column", layout.sheetName(), null, columns, List.of(), List.of(), false);
    }

    /** The row's 说明, cleaned and scrubbed of personal data; null when the sheet has no 说明 column or it is blank. */
    private static String justification(RowCheck check, SheetLayout layout) {
        return layout.columnOf(JUSTIFICATION_FIELD)
                .map(column -> PersonalDataMasker.scrub(TextNormalizer.clean(check.text(column))))
                .filter(text -> !text.isBlank())
                .map(text -> text.length() > 500 ? text.substring(0, 500) : text)
                .orElse(null);
    }

    /**
     * The keys a rejected row reports, where its region and period are known: one per indicator column of a wide row,
     * the indicator its cell names in a long one, the region and period alone for subjects without indicators.
     */
    private List<Map<String, Object>> keysOf(RowCheck check, SubjectDefinition subject, Map<String, Object> base) {
        Object region = base.get(subject.region().output());
        if (region == null) {
            return List.of();
        }
        List<Map<String, Object>> keys = new ArrayList<>();
        if (!subject.hasMeasures()) {
            if (base.get("period") != null) {
                keys.add(key(region, null, base.get("period")));
            }
            return keys;
        }
        SheetLayout layout = check.layout();
        MeasureSpec spec = subject.measures();
        Optional<String> longIndicator = layout.isWide() ? Optional.empty()
                : layout.columnOf(spec.indicatorField()).flatMap(c -> layout.matcher().indicator(check.text(c)));
        for (HeaderBinding binding : layout.columns().values()) {
            if (binding.previousYear()) {
                continue;
            }
            String indicator = binding.isIndicator() ? binding.indicator()
                    : binding.field().name().equals(spec.valueField()) ? longIndicator.orElse(null) : null;
            Object period = binding.period() != null ? binding.period().label() : base.get("period");
            if (indicator != null && period != null) {
                keys.add(key(region, indicator, period));
            }
        }
        return keys;
    }

    private static Map<String, Object> key(Object region, String indicator, Object period) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("region_code", region);
        key.put("indicator_code", indicator);
        key.put("period", period);
        return key;
    }

    private static boolean isSimple(FieldType type) {
        return switch (type) {
            case REGION_CODE, REGION_NAME, PERIOD, QUANTITY, UNIT, INDICATOR, DATE_RANGE -> false;
            default -> true;
        };
    }

    /** A range in one cell fills the start and end columns, unless their own columns already did. */
    private void dateRanges(RowCheck check, SubjectDefinition subject, Map<String, Object> base) {
        SheetLayout layout = check.layout();
        for (FieldDefinition field : subject.fields()) {
            if (field.type() != FieldType.DATE_RANGE) {
                continue;
            }
            Optional<Integer> column = layout.columnOf(field.name());
            if (column.isEmpty()) {
                continue;
            }
            String text = check.text(column.get());
            if (text.isEmpty()) {
                continue;
            }
            HeaderBinding binding = layout.columns().get(column.get());
            Optional<java.time.LocalDate[]> range = org.ruralstat.normalize.DateNormalizer.parseRange(text);
            if (range.isEmpty()) {
                java.time.LocalDate single = values.date(check, column.get(), binding, check.cell(column.get()));
                if (single != null) {
                    base.putIfAbsent(field.column(), single);
                }
                continue;
            }
            base.putIfAbsent(field.column(), range.get()[0]);
            if (range.get()[1] != null) {
                base.putIfAbsent(field.endColumn(), range.get()[1]);
            }
        }
    }

    private void checkRequired(RowCheck check, SubjectDefinition subject, SheetLayout layout) {
        for (FieldDefinition field : subject.fields()) {
            if (!field.required()) {
                continue;
            }
            layout.columnOf(field.name()).ifPresent(column -> {
                if (check.text(column).isEmpty()) {
                    check.add("ROW-001", column, layout.columns().get(column), "", Map.of());
                }
            });
        }
    }

    private void resolveRegion(RowCheck check, RegionSpec spec, Map<String, Object> base) {
        SheetLayout layout = check.layout();
        Optional<Integer> codeColumn = layout.columnOf(spec.codeField());
        Optional<Integer> nameColumn = layout.columnOf(spec.nameField());
        Optional<Integer> parentColumn = spec.parentNameField() == null ? Optional.empty() : layout.columnOf(spec.parentNameField());
        String code = codeColumn.map(check::text).orElse("");
        String name = nameColumn.map(check::text).orElse("");
        String parent = parentColumn.map(check::text).orElse("");
        int column = !code.isEmpty() ? codeColumn.get() : nameColumn.orElse(codeColumn.orElse(-1));
        HeaderBinding binding = column < 0 ? null : layout.columns().get(column);
        String written = !code.isEmpty() ? code : name;
        if (written.isEmpty()) {
            check.add("ROW-001", column, binding, "", Map.of());
            return;
        }
        RegionMatch match = reference.regions().resolve(code, name, parent, spec.level(), layout.submitterCode());
        if (match.isFound()) {
            Region region = match.region();
            base.put(spec.output(), region.code());
            if (match.retiredCode() != null) {
                base.put("reported_" + spec.output(), match.retiredCode());
                check.add("ROW-020", column, binding, written, Map.of("current", reference.regions().describe(region)));
            }
            base.put("county_code", region.countyCode() == null || region.countyCode().isEmpty() ? null : region.countyCode());
            return;
        }
        String candidates = match.candidates().stream().limit(5).map(reference.regions()::describe)
                .collect(Collectors.joining("；"));
        String rule = switch (match.outcome()) {
            case AMBIGUOUS -> "ROW-006";
            case OUTSIDE_JURISDICTION -> "ROW-007";
            case WRONG_LEVEL -> "ROW-008";
            case LOST_DIGITS -> "ROW-009";
            default -> "ROW-005";
        };
        check.add(rule, column, binding, written, Map.of("candidates", candidates, "submitter", layout.submitterCode(),
                "level", spec.level(), "level_zh", levelZh(spec.level())));
    }

    private void settlePeriod(RowCheck check, SubjectDefinition subject, Map<String, Object> base) {
        SheetLayout layout = check.layout();
        Optional<Integer> column = layout.columnOf(subject.periodField());
        Period period = layout.period();
        if (column.isPresent()) {
            String text = check.text(column.get());
            if (!text.isEmpty()) {
                Optional<Period> parsed = PeriodNormalizer.parse(text);
                if (parsed.isEmpty()) {
                    check.add("ROW-013", column.get(), layout.columns().get(column.get()), text, Map.of());
                    return;
                }
                period = parsed.get();
            }
        }
        if (period == null) {
            if (!layout.everyValueHasItsYear()) {
                check.addRow("ROW-013", Map.of("column", subject.periodField(), "value", ""));
            }
            return;
        }
        if (!IndicatorCells.withinSpan(check, column.orElse(-1), period)) {
            return;
        }
        base.put("year", period.year());
        base.put("period", period.label());
    }

    /** A quantity and its unit column become a canonical quantity and unit code (公里 → m, ×1000). */
    private void quantities(RowCheck check, SubjectDefinition subject, Map<String, Object> base) {
        SheetLayout layout = check.layout();
        for (FieldDefinition field : subject.fields()) {
            if (field.type() != FieldType.QUANTITY) {
                continue;
            }
            Optional<Integer> column = layout.columnOf(field.name());
            if (column.isEmpty()) {
                continue;
            }
            HeaderBinding binding = layout.columns().get(column.get());
            String text = check.text(column.get());
            Optional<ParsedNumber> parsed = NumberNormalizer.parse(text);
            if (parsed.isEmpty()) {
                check.add("ROW-002", column.get(), binding, text, Map.of());
                continue;
            }
            if (parsed.get().isEmpty()) {
                continue;
            }
            String unitText = !parsed.get().unit().isEmpty() ? parsed.get().unit()
                    : field.unitField() == null ? "" : layout.columnOf(field.unitField())
                    .map(check::text).orElse("");
            if (unitText.isEmpty()) {
                unitText = binding.unit();
            }
            Optional<Unit> unit = reference.units().find(unitText);
            if (unit.isEmpty()) {
                int at = field.unitField() == null ? column.get() : layout.columnOf(field.unitField()).orElse(column.get());
                check.add("ROW-014", at, layout.columns().get(at), unitText.isEmpty() ? text : unitText,
                        Map.of("dimension", "quantity", "dimension_zh", "工程量"));
                continue;
            }
            base.put(field.column(), unit.get().toCanonical(parsed.get().value()));
            if (field.unitField() != null) {
                subject.field(field.unitField()).ifPresent(f -> base.put(f.column(), unit.get().canonical()));
            }
        }
    }

    private Integer birthYearFromKeySource(RowCheck check, SheetLayout layout) {
        return layout.subject().fields().stream().filter(f -> f.type() == FieldType.ID_NUMBER).findFirst()
                .flatMap(f -> layout.columnOf(f.name()))
                .map(c -> org.ruralstat.text.IdNumber.normalize(check.cell(c).text()))
                .filter(id -> id.length() == 18)
                .map(id -> Integer.parseInt(id.substring(6, 10))).orElse(null);
    }

    private static String levelZh(String level) {
        return switch (level) {
            case "village" -> "村（社区）";
            case "township" -> "乡镇（街道）";
            case "county" -> "县级";
            case "prefecture" -> "地级";
            case "province" -> "省级";
            default -> "地区";
        };
    }
}
