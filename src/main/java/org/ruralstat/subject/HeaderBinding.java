package org.ruralstat.subject;

/**
 * What one column of a sheet means: a field, or (wide layouts) an indicator, with the header as written
 * and any unit it carries.
 *
 * @param field     the field, or null for an indicator column
 * @param indicator the indicator code of a wide column, or null
 * @param header    the header text as written, for messages
 * @param unit      the unit written in the header, empty when none
 */
public record HeaderBinding(FieldDefinition field, String indicator, String header, String unit) {

    public HeaderBinding {
        if ((field == null) == (indicator == null)) {
            throw new IllegalArgumentException("a column is either a field or an indicator");
        }
    }

    public boolean isIndicator() {
        return indicator != null;
    }
}
