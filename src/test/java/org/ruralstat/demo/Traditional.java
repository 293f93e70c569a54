package org.ruralstat.demo;

import com.ibm.icu.text.Transliterator;

/** Simplified-to-traditional conversion for names in the traditional-character returns. */
final class Traditional {

    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    private Traditional() {
    }

    /**
     * The traditional form of a name, or the name unchanged when converting back would not give the
     * original (so a reader that simplifies the text still finds the same village).
     */
    static String of(String simplified) {
        String traditional = TO_TRADITIONAL.transliterate(simplified);
        return TO_SIMPLIFIED.transliterate(traditional).equals(simplified) ? traditional : simplified;
    }
}
