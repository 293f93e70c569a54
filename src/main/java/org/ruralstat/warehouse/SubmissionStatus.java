package org.ruralstat.warehouse;

import java.util.Locale;

/**
 * Where a submission stands in the ledger ({@code etl_submission.status}): received, staged, then loaded (with or
 * without warnings) or rejected; later superseded by a new version or retracted; or a duplicate never loaded.
 * {@link #code()} is the word stored in the warehouse and documented in its dictionary.
 */
public enum SubmissionStatus {

    RECEIVED("已接收未处理", "已接收未处理"),
    STAGED("已暂存未发布", "已暂存未发布"),
    LOADED("已入库", "已入库"),
    LOADED_WITH_WARNINGS("已入库（有警告）", "入库（有警告）"),
    REJECTED("未入库（被拒收）", "已拒收"),
    SUPERSEDED("已被新版本替代", "已被更正版替代"),
    RETRACTED("已撤回", "已撤回"),
    DUPLICATE("重复报送，未重复入库", "内容重复");

    private final String receiptZh;
    private final String reportZh;

    SubmissionStatus(String receiptZh, String reportZh) {
        this.receiptZh = receiptZh;
        this.reportZh = reportZh;
    }

    /** The word stored in {@code etl_submission.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a stored word. */
    public static SubmissionStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The status of a stored word, or null for a word this version does not know. */
    public static SubmissionStatus orNull(String code) {
        for (SubmissionStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        return null;
    }

    /** True for a submission whose values are live facts. */
    public boolean isLoaded() {
        return this == LOADED || this == LOADED_WITH_WARNINGS;
    }

    /** In the bureau's words, as the 回执 says it. */
    public String receiptZh() {
        return receiptZh;
    }

    /** In the analysts' words, as the morning report says it. */
    public String reportZh() {
        return reportZh;
    }
}
