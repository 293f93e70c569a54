package org.ruralstat.validate;

import org.ruralstat.normalize.CadreKeyHasher;
import org.ruralstat.normalize.DateNormalizer;
import org.ruralstat.normalize.NumberNormalizer;
import org.ruralstat.normalize.ParsedNumber;
import org.ruralstat.read.CellValue;
import org.ruralstat.read.ExcelDates;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.reference.Unit;
import org.ruralstat.reference.UnitCatalog;
import org.ruralstat.subject.FieldDefinition;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.text.IdNumber;
import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.text.TextNormalizer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalizes one cell by its field type, recording a finding instead of a value when the cell is wrong.
 * Personal values are masked before they reach any finding.
 */
final class FieldValues {

    private static final Pattern YEAR_WRITTEN = Pattern.compile("(19|20)\\d{2}(\\.\\d+)?年?");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s-()（）]");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}|\\d{7,8}");
    private static final Pattern YEAR_POINT_ONE = Pattern.compile("(19|20)\\d{2}\\.1");
    private static final Pattern SERIAL = Pattern.compile("\\d{4,5}(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

    private final ReferenceData reference;
    private final CadreKeyHasher hasher;

    FieldValues(ReferenceData reference, CadreKeyHasher hasher) {
        this.reference = reference;
        this.hasher = hasher;
    }

    /** The value to store for a cell of a simple field (not region, quantity, unit or measure), or null. */
    Object value(RowCheck check, int column, HeaderBinding binding) {
        FieldDefinition field = binding.field();
        CellValue cell = check.cell(column);
        String text = check.text(column);
        if (text.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            // free text (派出单位, 项目名称) may carry a contact's mobile or ID number: masked at load
            case TEXT -> PersonalDataMasker.scrub(text);
            case PERSON_NAME -> PersonalDataMasker.maskName(text);
            case ID_NUMBER -> cadreKey(check, column, binding, cell);
            case BIRTH_YEAR -> birthYear(check, column, binding, cell);
            case PHONE -> {
                checkPhone(check, column, binding, text);
                yield null;
            }
            case CODE -> code(check, column, binding, field, text);
            case DATE -> date(check, column, binding, cell);
            case DECIMAL, INTEGER, MONEY -> number(check, column, binding, cell, field.unit());
            default -> text;
        };
    }

    /** A masked rendering of the cell for findings. */
    static String shown(FieldDefinition field, CellValue cell) {
        String text = TextNormalizer.clean(cell.text());
        return switch (field.type()) {
            case PERSON_NAME -> PersonalDataMasker.maskName(text);
            case ID_NUMBER -> PersonalDataMasker.maskIdNumber(text);
            case PHONE -> PersonalDataMasker.maskPhone(text);
            default -> text;
        };
    }

    private String cadreKey(RowCheck check, int column, HeaderBinding binding, CellValue cell) {
        String digits = cell.text().trim();
        if (cell.kind() == CellValue.Kind.NUMBER && (TextNormalizer.isScientificNotation(digits) || digits.replace(".", "").length() >= 16)) {
            check.add("ROW-009", column, binding, shown(binding.field(), cell), Map.of());
            return null;
        }
        String id = IdNumber.normalize(cell.text());
        Optional<IdNumber.Problem> problem = IdNumber.check(id);
        if (problem.isPresent()) {
            String rule = switch (problem.get()) {
                case FORMAT -> "ROW-010";
                case CHECK_CHARACTER -> "ROW-011";
                case BIRTH_DATE -> "ROW-012";
            };
            check.add(rule, column, binding, shown(binding.field(), cell), Map.of());
            return null;
        }
        return hasher.cadreKey(id);
    }

    private Integer birthYear(RowCheck check, int column, HeaderBinding binding, CellValue cell) {
        String text = check.text(column);
        Optional<LocalDate> date = cell.kind() == CellValue.Kind.DATE ? DateNormalizer.parse(text) : DateNormalizer.parse(text);
        if (date.isPresent()) {
            return date.get().getYear();
        }
        if (YEAR_WRITTEN.matcher(text).matches()) {
            return Integer.parseInt(text.substring(0, 4));
        }
        check.add("ROW-003", column, binding, text, Map.of());
        return null;
    }

    private static void checkPhone(RowCheck check, int column, HeaderBinding binding, String text) {
        String digits = PHONE_SEPARATORS.matcher(text).replaceAll("");
        if (!PHONE.matcher(digits).matches()) {
            check.add("ROW-017", column, binding, PersonalDataMasker.maskPhone(text), Map.of());
        }
    }

    private String code(RowCheck check, int column, HeaderBinding binding, FieldDefinition field, String text) {
        Optional<String> code = reference.codeLists().find(field.codelist(), text);
        if (code.isEmpty()) {
            check.add("ROW-004", column, binding, text,
                    Map.of("allowed", String.join("、", reference.codeLists().names(field.codelist()))));
            return null;
        }
        return code.get();
    }

    LocalDate date(RowCheck check, int column, HeaderBinding binding, CellValue cell) {
        String text = check.text(column);
        if (cell.kind() == CellValue.Kind.DATE) {
            return LocalDate.parse(text);
        }
        if (cell.kind() == CellValue.Kind.NUMBER) {
            if (YEAR_POINT_ONE.matcher(text).matches()) {
                check.add("ROW-019", column, binding, text, Map.of());
                return null;
            }
            if (SERIAL.matcher(text).matches() && !YEAR.matcher(text).matches()) {
                Optional<LocalDate> serial = ExcelDates.fromExcelSerial(new BigDecimal(text), check.layout().date1904());
                if (serial.isPresent()) {
                    return serial.get();
                }
            }
        }
        Optional<LocalDate> date = DateNormalizer.parse(text);
        if (date.isEmpty()) {
            check.add("ROW-003", column, binding, text, Map.of());
            return null;
        }
        return date.get();
    }

    /** A number in the field's unit dimension, converted to the canonical unit when a unit is known. */
    private BigDecimal number(RowCheck check, int column, HeaderBinding binding, CellValue cell, String fieldUnit) {
        FieldDefinition field = binding.field();
        String text = check.text(column);
        Optional<ParsedNumber> parsed = NumberNormalizer.parse(text);
        if (parsed.isEmpty()) {
            check.add(field.type() == org.ruralstat.subject.FieldType.INTEGER ? "ROW-016" : "ROW-002", column, binding, text, Map.of());
            return null;
        }
        if (parsed.get().isEmpty()) {
            return null;
        }
        String dimension = switch (field.type()) {
            case MONEY -> "money";
            default -> fieldUnit == null ? null : reference.units().find(fieldUnit).map(Unit::dimension).orElse(null);
        };
        BigDecimal value = parsed.get().value();
        if (dimension != null) {
            Optional<BigDecimal> converted = toCanonical(parsed.get(), binding.unit(), check.layout().defaultUnit(),
                    fieldUnit == null ? "元" : fieldUnit, dimension);
            if (converted.isEmpty()) {
                check.add("ROW-014", column, binding, text, Map.of("dimension", dimension, "dimension_zh", dimensionZh(dimension)));
                return null;
            }
            value = converted.get();
        } else if (!parsed.get().unit().isEmpty()) {
            check.add("ROW-002", column, binding, text, Map.of());
            return null;
        }
        if (field.type() == org.ruralstat.subject.FieldType.INTEGER && value.stripTrailingZeros().scale() > 0) {
            check.add("ROW-016", column, binding, text, Map.of());
            return null;
        }
        return value;
    }

    /**
     * Converts a parsed number to the dimension's canonical unit. The unit comes from the cell (`26.5万元`),
     * else the header (`（万元）`), else the title (`单位：万元`), else the default; a bare 万/亿 in the cell
     * multiplies whichever unit applies.
     */
    Optional<BigDecimal> toCanonical(ParsedNumber number, String headerUnit, String titleUnit, String defaultUnit,
                                     String dimension) {
        return toCanonical(number, headerUnit, titleUnit, defaultUnit, dimension, java.util.Set.of());
    }

    /** As above, where the indicator also accepts the units named (posts counted in 个 or 岗 as well as in 人). */
    Optional<BigDecimal> toCanonical(ParsedNumber number, String headerUnit, String titleUnit, String defaultUnit,
                                     String dimension, java.util.Set<String> alsoAccepted) {
        UnitCatalog units = reference.units();
        BigDecimal multiplier = BigDecimal.ONE;
        String cellUnit = number.unit();
        Optional<BigDecimal> bare = UnitCatalog.multiplier(cellUnit);
        if (bare.isPresent()) {
            multiplier = bare.get();
            cellUnit = "";
        }
        String written = !cellUnit.isEmpty() ? cellUnit : !headerUnit.isEmpty() ? headerUnit
                : !titleUnit.isEmpty() ? titleUnit : defaultUnit;
        Optional<BigDecimal> headerMultiplier = UnitCatalog.multiplier(written);
        if (headerMultiplier.isPresent()) {
            multiplier = multiplier.multiply(headerMultiplier.get());
            written = defaultUnit;
        }
        Optional<Unit> unit = units.find(written);
        if (unit.isEmpty() || !unit.get().dimension().equals(dimension) && !alsoAccepted.contains(written.strip())) {
            return Optional.empty();
        }
        return Optional.of(unit.get().toCanonical(number.value().multiply(multiplier)));
    }

    static String dimensionZh(String dimension) {
        return switch (dimension) {
            case "money" -> "金额（元、万元、亿元）";
            case "persons" -> "人数（人、万人）";
            case "length" -> "长度（米、公里、延长米）";
            case "area" -> "面积（平方米、亩）";
            case "unit" -> "个数（座、套、个）";
            case "household" -> "户数（户）";
            default -> dimension;
        };
    }
}
