package org.ruralstat.feedback;

import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.warehouse.SubmissionStatus;
import org.ruralstat.warehouse.Warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The 回执 where the bureau can read them: {@code <receipts>/<submitter>/}, beside the drop folder and never inside it,
 * so no run reads a receipt back as a return. Each submitter's folder holds a copy of each of its receipts (named by
 * submission id, so the newest sorts last) and an {@code index.html} of all its submissions, newest first, with status
 * and a link to each receipt.
 */
public final class BureauReceipts {

    private final Warehouse warehouse;
    private final Path folder;

    public BureauReceipts(Warehouse warehouse, Path folder) {
        this.warehouse = warehouse;
        this.folder = folder;
    }

    /** Copies a receipt written under the warehouse to the submitter's folder. */
    public void deliver(String submitterCode, String feedbackPath) throws IOException {
        Path source = warehouse.directory().resolve(feedbackPath);
        Path target = folder.resolve(submitterCode).resolve(source.getFileName().toString());
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Rewrites the index page of each submitter. */
    public void index(Collection<String> submitterCodes) throws IOException, SQLException {
        for (String code : submitterCodes) {
            Path page = folder.resolve(code).resolve("index.html");
            Files.createDirectories(page.getParent());
            Path temporary = page.resolveSibling(".index.html.tmp");
            Files.writeString(temporary, page(code), StandardCharsets.UTF_8);
            Files.move(temporary, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private String page(String code) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement("""
                select submission_id, file_name, strftime(received_at, '%Y-%m-%d %H:%M'), coalesce(subject, ''),
                    coalesce(period, ''), status, coalesce(status_reason, ''), rows_read, rows_loaded, rows_rejected,
                    rows_warned, feedback_path
                from etl_submission
                where submitter_code = ? and status not in ('received', 'staged')
                order by submission_id desc""")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String receipt = rs.getString(12);
                    String link = receipt == null ? "" : "<a href=\"" + escape(encode(Path.of(receipt).getFileName().toString()))
                            + "\">回执</a>";
                    rows.append("<tr><td>").append(rs.getLong(1)).append("</td><td>")
                            .append(escape(PersonalDataMasker.forLog(rs.getString(2)))).append("</td><td>")
                            .append(escape(rs.getString(3))).append("</td><td>").append(escape(rs.getString(4)))
                            .append("</td><td>").append(escape(rs.getString(5))).append("</td><td>")
                            .append(escape(statusZh(rs.getString(6)))).append("</td><td>")
                            .append(escape(PersonalDataMasker.scrub(rs.getString(7)))).append("</td><td>")
                            .append(rs.getInt(8)).append(" / ").append(rs.getInt(9)).append(" / ").append(rs.getInt(10))
                            .append(" / ").append(rs.getInt(11)).append("</td><td>").append(link).append("</td></tr>\n");
                }
            }
        }
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"/><title>报送回执 %1$s</title>
                <style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style>
                </head><body>
                <h1>报送回执 Receipts · %1$s</h1>
                <p>最新的报送在最上面。行数：读取 / 入库 / 拒收 / 警告。 Newest first; rows read / loaded / rejected / warned.</p>
                <table><tr><th>编号</th><th>文件</th><th>收到时间</th><th>报表</th><th>报告期</th><th>状态</th><th>说明</th><th>行数</th><th>回执</th></tr>
                %2$s</table></body></html>
                """.formatted(escape(code), rows);
    }

    private static String statusZh(String status) {
        SubmissionStatus known = SubmissionStatus.orNull(status);
        return known == null ? status : known.receiptZh();
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
