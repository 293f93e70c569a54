package org.ruralstat.subject;

import java.util.List;

/**
 * One field of a subject as {@code jobs/<subject>.yml} declares it.
 *
 * @param name      the field's stable name, used by rules and messages
 * @param column    the target table column it fills, or null for fields that only help (township names)
 * @param aliases   header texts that mean this field, simplified or traditional, without units
 * @param codelist  for CODE fields, the list in {@code seeds/codelists.csv}
 * @param unit      the unit assumed when neither header nor cell gives one
 * @param unitField for QUANTITY fields, the field holding the unit
 * @param endColumn for DATE_RANGE fields, the column receiving the end date
 */
public record FieldDefinition(String name, String column, FieldType type, boolean required, List<String> aliases,
                              String codelist, String unit, String unitField, String endColumn) {

    public FieldDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a field needs a name");
        }
        if (type == null) {
            throw new IllegalArgumentException("field " + name + " needs a type");
        }
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        if (aliases.isEmpty()) {
            throw new IllegalArgumentException("field " + name + " needs at least one alias");
        }
        if (type == FieldType.DATE_RANGE && (column == null || endColumn == null)) {
            throw new IllegalArgumentException("date range field " + name + " needs a column and an end_column");
        }
        if (type == FieldType.CODE && (codelist == null || codelist.isBlank())) {
            throw new IllegalArgumentException("code field " + name + " needs a codelist");
        }
    }
}
