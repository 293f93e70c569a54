package org.ruralstat.text;

/**
 * The years a title, sheet or file name says a return covers (`2020-2022年`): a bound on the years of its values,
 * never a year of its own.
 */
public record YearSpan(int first, int last) {

    public YearSpan {
        if (first > last) {
            throw new IllegalArgumentException("a span runs forwards: " + first + "-" + last);
        }
    }

    public boolean contains(int year) {
        return year >= first && year <= last;
    }

    public String label() {
        return first + "-" + last;
    }
}
