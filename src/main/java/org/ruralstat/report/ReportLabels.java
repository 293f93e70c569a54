package org.ruralstat.report;

import org.ruralstat.warehouse.RunFileOutcome;
import org.ruralstat.warehouse.SubmissionStatus;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The Chinese words the report uses for the ledger's codes: submission statuses, run outcomes, steps, job
 * statuses. A code without a word shows as itself.
 */
final class ReportLabels {

    private static final Map<String, String> STEP = Map.of(
            "prepareWarehouseStep", "准备数据仓库",
            "discoverSubmissionsStep", "扫描投递目录",
            "stageSubmissionsStep", "暂存（并行调度）",
            "stageSubmissionStep", "逐文件读取与校验",
            "checkStagedSubmissionStep", "逐文件整体校验",
            "checkStagedSubmissionsStep", "整体校验",
            "publishSubmissionsStep", "发布入库",
            "writeFeedbackStep", "生成回执",
            "writeSubmissionFeedbackStep", "逐文件生成回执",
            "publishSnapshotStep", "发布分析快照");

    private static final Map<String, String> JOB_STATUS = Map.of(
            "COMPLETED", "完成",
            "FAILED", "失败",
            "STOPPED", "已停止",
            "STARTED", "运行中",
            "ABANDONED", "已放弃",
            "UNKNOWN", "未知");

    private ReportLabels() {
    }

    static String status(String code) {
        SubmissionStatus known = code == null ? null : SubmissionStatus.orNull(code);
        return known == null ? word(Map.of(), code) : known.reportZh();
    }

    static String outcome(String code) {
        RunFileOutcome known = code == null ? null : RunFileOutcome.orNull(code);
        return known == null || known.reportZh() == null ? word(Map.of(), code) : known.reportZh();
    }

    static String step(String name) {
        return word(STEP, name);
    }

    static String jobStatus(String code) {
        return word(JOB_STATUS, code);
    }

    static String severity(String code) {
        return "error".equals(code) ? "错误" : "warning".equals(code) ? "警告" : word(Map.of(), code);
    }

    /** The subject's Chinese name from its definition, or the code; a file of no known subject is 未识别. */
    static String subject(Map<String, String> names, String code) {
        return code == null ? "未识别" : names.getOrDefault(code, code);
    }

    /** 0.4 秒, 12.3 秒, 2 分 05 秒, 1 小时 02 分. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f 秒", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d 分 %02d 秒", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d 小时 %02d 分", seconds / 3600, seconds % 3600 / 60);
    }

    private static String word(Map<String, String> words, String code) {
        return code == null ? "—" : words.getOrDefault(code, code);
    }
}
