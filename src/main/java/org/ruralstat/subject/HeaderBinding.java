package org.ruralstat.subject;

import org.ruralstat.text.Period;

/**
 * What one column of a sheet means: a field, or (wide layouts) an indicator, with the header as written
 * and any unit it carries.
 *
 * @param field     the field, or null for an indicator column
 * @param indicator the indicator code of a wide column, or null
 * @param header    the header text as written, for messages
 * @param unit      the unit written in the header, empty when none
 * @param period    the year the header names for its values (`2021年`, a merged group header over year columns), or
 *                  null when the values take the row's period
 * @param previousYear true for a 上年 column: last year's figure, checked against the published one, never a fact
 */
public record HeaderBinding(FieldDefinition field, String indicator, String header, String unit, Period period,
                            boolean previousYear) {

    public HeaderBinding {
        if ((field == null) == (indicator == null)) {
            throw new IllegalArgumentException("a column is either a field or an indicator");
        }
    }

    public HeaderBinding(FieldDefinition field, String indicator, String header, String unit, Period period) {
        this(field, indicator, header, unit, period, false);
    }

    public HeaderBinding(FieldDefinition field, String indicator, String header, String unit) {
        this(field, indicator, header, unit, null);
    }

    /** What the column is, for telling two columns apart: the field or indicator, and the year it is for. */
    public String key() {
        String what = isIndicator() ? "indicator:" + indicator : field.name();
        if (previousYear) {
            what = what + "@previous";
        }
        return period == null ? what : what + "@" + period.label();
    }

    public boolean isIndicator() {
        return indicator != null;
    }
}
