package org.ruralstat.subject;

/**
 * How a measure subject (income, employment) carries its numbers: wide, one column per indicator, or
 * long, with indicator, value and unit columns.
 *
 * @param column         the target column receiving the value in canonical units
 * @param dimension      money or persons: the dimension values are converted in
 * @param indicatorField the long layout's indicator field
 * @param valueField     the long layout's value field
 * @param unitField      the long layout's unit field
 */
public record MeasureSpec(String column, String dimension, String indicatorField, String valueField, String unitField) {

    public MeasureSpec {
        if (column == null || dimension == null) {
            throw new IllegalArgumentException("measures need a column and a dimension");
        }
    }
}
