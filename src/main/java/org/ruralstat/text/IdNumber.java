package org.ruralstat.text;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resident identity number checked against GB 11643: 17 digits, a check character, and a real birth
 * date. Only its normalized form leaves this class, and only to be hashed.
 */
public final class IdNumber {

    private static final Pattern FORM = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a written ID number is not acceptable. */
    public enum Problem { FORMAT, CHECK_CHARACTER, BIRTH_DATE }

    private IdNumber() {
    }

    /** The ID in canonical form: half-width, no spaces, upper-case X. */
    public static String normalize(String raw) {
        return TextNormalizer.clean(raw).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** What is wrong with the normalized ID, or empty when it is a valid 18-character ID. */
    public static Optional<Problem> check(String id) {
        if (!FORM.matcher(id).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        if (birthDate(id).isEmpty()) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        return checkCharacter(id) == id.charAt(17) ? Optional.empty() : Optional.of(Problem.CHECK_CHARACTER);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            return date.getYear() >= 1900 && !date.isAfter(LocalDate.now()) ? Optional.of(date) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
