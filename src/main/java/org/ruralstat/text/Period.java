package org.ruralstat.text;

/**
 * A reporting period as the contract writes it: {@code year} plus {@code label} `2022`, `2022-Q2` or `2022-06`.
 */
public record Period(int year, String label) {

    public Period {
        if (year < 1949 || year > 2100) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (label == null || !label.startsWith(Integer.toString(year))) {
            throw new IllegalArgumentException("label must start with the year: " + label);
        }
    }

    public static Period ofYear(int year) {
        return new Period(year, Integer.toString(year));
    }
}
