package org.ruralstat.feedback;

import org.ruralstat.warehouse.SubmissionStatus;

import java.time.LocalDateTime;

/**
 * What the 回执 sheet tells a bureau about one file.
 *
 * @param replaced the earlier submissions whose values this one replaced, in the bureau's words; null when none
 */
public record SubmissionReceipt(long submissionId, String submitterCode, String fileName, String filePath,
                                LocalDateTime receivedAt, String subject, String period, String status,
                                String statusReason, int rowsRead, int rowsLoaded, int rowsRejected, int rowsWarned,
                                String replaced) {

    public SubmissionReceipt(long submissionId, String submitterCode, String fileName, String filePath,
                             LocalDateTime receivedAt, String subject, String period, String status,
                             String statusReason, int rowsRead, int rowsLoaded, int rowsRejected, int rowsWarned) {
        this(submissionId, submitterCode, fileName, filePath, receivedAt, subject, period, status, statusReason, rowsRead,
                rowsLoaded, rowsRejected, rowsWarned, null);
    }

    /** The status in the bureau's words. */
    public String statusZh() {
        SubmissionStatus known = SubmissionStatus.orNull(status);
        return known == null ? status : known.receiptZh();
    }

    /** What the bureau should do next, in Chinese. */
    public String nextStepZh() {
        if (status.equals(SubmissionStatus.DUPLICATE.code())) {
            return "该文件与已报送文件内容完全相同，无需处理。";
        }
        if (status.equals(SubmissionStatus.REJECTED.code()) && rowsRead > 0 && rowsRejected == rowsRead && statusReason != null
                && !statusReason.startsWith("所有数据行")) {
            return "整个文件未入库。请按“说明”修改后，将完整文件重新放入报送目录。";
        }
        if (rowsRejected > 0 || status.equals(SubmissionStatus.REJECTED.code())) {
            return "请按“问题清单”逐个修改标红的单元格，然后将完整文件重新报送；新文件将替代本次报送。";
        }
        if (rowsWarned > 0) {
            return "数据已入库。请核实“问题清单”中标黄的警告；如需更正，修改后重新报送完整文件即可替代。";
        }
        return "数据已全部入库，无需处理。";
    }
}
