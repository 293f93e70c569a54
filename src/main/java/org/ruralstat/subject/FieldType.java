package org.ruralstat.subject;

import java.util.Locale;

/** What a field holds, and so how its cells are normalized. */
public enum FieldType {
    /** Free text, cleaned. */
    TEXT,
    /** A person's name: stored masked (张*明). */
    PERSON_NAME,
    /** A resident ID number: checked, then stored only as a keyed hash. */
    ID_NUMBER,
    /** A birth date or month, stored as the year. */
    BIRTH_YEAR,
    /** A phone number: checked for shape, never stored. */
    PHONE,
    /** A value of a code list in {@code seeds/codelists.csv}. */
    CODE,
    /** A 6, 9 or 12-digit region code, read as text. */
    REGION_CODE,
    /** A region name, resolved within the submitter's jurisdiction. */
    REGION_NAME,
    DATE,
    /** Two dates in one cell (`2021.10-2023.10`, `2021年10月至今`): the field's column gets the start, end_column the end. */
    DATE_RANGE,
    PERIOD,
    DECIMAL,
    INTEGER,
    /** An amount of money, converted to yuan. */
    MONEY,
    /** A quantity whose unit comes from a unit field or the header. */
    QUANTITY,
    /** A unit of measure written in its own column. */
    UNIT,
    /** An indicator name in a long layout. */
    INDICATOR;

    public static FieldType fromYaml(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
