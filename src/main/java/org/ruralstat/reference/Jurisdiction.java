package org.ruralstat.reference;

/** What a submitter's 6-digit code covers: a province (`22xxxx` ending 0000), a prefecture (ending 00) or a county. */
public final class Jurisdiction {

    private Jurisdiction() {
    }

    /** The code prefix every region in the jurisdiction starts with. */
    public static String prefix(String submitterCode) {
        if (submitterCode.endsWith("0000")) {
            return submitterCode.substring(0, 2);
        }
        if (submitterCode.endsWith("00")) {
            return submitterCode.substring(0, 4);
        }
        return submitterCode;
    }

    public static boolean isSubmitterCode(String folderName) {
        return folderName.matches("\\d{6}") && !folderName.startsWith("00");
    }
}
