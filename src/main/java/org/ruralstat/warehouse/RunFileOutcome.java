package org.ruralstat.warehouse;

/**
 * What a run did with an entry of the drop folder ({@code etl_run_file.outcome}): every entry it saw has one.
 */
public enum RunFileOutcome {

    NEW("new", "新文件"),
    ALREADY_LOADED("already_loaded", "已入库，未重复处理"),
    RESUMED("resumed", "续处理（上次中断）"),
    DUPLICATE("duplicate", "内容重复"),
    NOT_READY("not_ready", "仍在写入，下次再处理"),
    SKIPPED_LINK("skipped_link", null),
    SKIPPED_IGNORED("skipped_ignored", null),
    SKIPPED_NOT_A_SUBMITTER("skipped_not_a_submitter", null),
    SKIPPED_UNKNOWN_SUBMITTER("skipped_unknown_submitter", null);

    private final String code;
    private final String reportZh;

    RunFileOutcome(String code, String reportZh) {
        this.code = code;
        this.reportZh = reportZh;
    }

    /** The code in {@code etl_run_file.outcome}. */
    public String code() {
        return code;
    }

    /** The words of the morning report; null where it shows the code. */
    public String reportZh() {
        return reportZh;
    }

    /** A file counted as read this run: new, or resumed after a run that stopped. */
    public boolean isFresh() {
        return this == NEW || this == RESUMED;
    }

    /** The outcome of a code, or null for one this version does not know. */
    public static RunFileOutcome orNull(String code) {
        for (RunFileOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        return null;
    }
}
