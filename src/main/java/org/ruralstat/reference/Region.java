package org.ruralstat.reference;

import java.util.regex.Pattern;

/** One administrative region of {@code seeds/regions.csv}. */
public record Region(String code, String name, String level, String parentCode, String countyCode,
                     String prefectureCode, String provinceCode) {

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    public Region {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("region code must be 6, 9 or 12 digits: " + code);
        }
    }

    /** True when this region lies in the jurisdiction of the submitter with the given 6-digit code. */
    public boolean isWithin(String submitterCode) {
        return code.startsWith(Jurisdiction.prefix(submitterCode));
    }
}
