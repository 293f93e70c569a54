package org.ruralstat.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but well-formed contact data: GB 11643 resident ID numbers and mainland mobile numbers,
 * each unique within one generator run.
 */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final String[] MOBILE_PREFIXES = {
        "139", "138", "137", "135", "136", "150", "151", "158", "159", "186", "187", "188",
        "130", "131", "132", "155", "156", "133", "153", "180", "181", "189", "177", "199"};
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Set<String> issued = new HashSet<>();

    /**
     * An 18-character ID: the county's area code, the birth date, a sequence number (odd for men, even
     * for women) and the check character.
     */
    String idNumber(String areaCode, LocalDate birth, boolean male, Random rnd) {
        while (true) {
            int sequence = rnd.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = areaCode + birth.format(BASIC) + String.format("%03d", sequence);
            String id = first17 + checkCharacter(first17);
            if (issued.add(id)) {
                return id;
            }
        }
    }

    /** An 11-digit mobile number such as 13904431234. */
    String mobile(Random rnd) {
        while (true) {
            String number = MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)]
                    + String.format("%08d", rnd.nextInt(100_000_000));
            if (issued.add(number)) {
                return number;
            }
        }
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    static boolean isValid(String id) {
        return id.matches("\\d{17}[\\dX]") && checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }
}
