package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drop folder as an attacker or an unlucky bureau uses it: links are never followed, whatever they point at, and
 * every entry is accounted for; nothing of a file that is not a return is echoed; a return rejected in the wrong folder,
 * or gone when its turn came, loads once it is in the right place.
 */
class DropFolderBoundaryFunctionalTests {

    @TempDir
    Path temp;

    @Test
    void linksAreNeverFollowedAndNothingOfTheirTargetsReachesAnyOutput() throws Exception {
        Path county = temp.resolve("input/222424");
        ReturnFixtures.csv(county, "2022年收入.csv", StandardCharsets.UTF_8, "村名,村集体经济收入（万元）", "汪清村委会,10");
        assertThat(TempDrop.run(temp)).isZero();
        Path secret = temp.resolve(".warehouse.cadre_key.secret");
        assertThat(temp.resolve("warehouse/cadre_key.secret")).as("never inside the warehouse folder").doesNotExist();
        String secretText = Files.readString(secret, StandardCharsets.ISO_8859_1).strip();
        Files.createSymbolicLink(county.resolve("密钥.csv"), secret);
        Files.createSymbolicLink(county.resolve("passwd.csv"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(county.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(temp.resolve("input/222426"), Path.of("/etc"));
        ReturnFixtures.csv(temp.resolve("input/999999"), "收入.csv", StandardCharsets.UTF_8, "村名,村集体经济收入（万元）", "汪清村委会,10");
        ReturnFixtures.csv(county, "说明.csv", StandardCharsets.UTF_8, "这是一份说明文字 root:x:0:0", "不是报表");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select file_path || ':' || outcome from etl_run_file where outcome like 'skipped%' "
                    + "and run_id = (select max(run_id) from etl_run_file) order by 1")).containsExactly(
                    "222424/etc:skipped_link", "222424/passwd.csv:skipped_link", "222424/密钥.csv:skipped_link",
                    "222426:skipped_link", "999999/收入.csv:skipped_unknown_submitter");
            assertThat(warehouse.strings("select file_name from etl_submission order by 1"))
                    .containsExactly("2022年收入.csv", "说明.csv");
        }
        List<String> leaks = List.of(secretText, "root:x:0:0", "这是一份说明文字");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + temp.resolve("warehouse/published/ruralstat.duckdb"));
             Statement s = c.createStatement()) {
            for (String table : WarehouseQueriesText.tables(s)) {
                String all = WarehouseQueriesText.allText(s, table);
                for (String leak : leaks) {
                    assertThat(all).as("%s holds %s", table, leak).doesNotContain(leak);
                }
            }
        }
        try (Stream<Path> files = Files.walk(temp.resolve("warehouse"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".prom")).toList()) {
                String text = Files.readString(file);
                for (String leak : leaks) {
                    assertThat(text).as("%s holds %s", file, leak).doesNotContain(leak);
                }
            }
        }
    }

    @Test
    void aReturnRejectedInTheWrongFolderLoadsOnceMovedToTheRightOne() throws Exception {
        Path wrong = ReturnFixtures.csv(temp.resolve("input/222426"), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10");
        assertThat(TempDrop.run(temp)).isZero();
        Path right = Files.createDirectories(temp.resolve("input/222424")).resolve("2022年收入.csv");
        Files.move(wrong, right);
        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select submitter_code || ':' || status from etl_submission order by submission_id"))
                    .containsExactly("222426:rejected", "222424:loaded");
            assertThat(warehouse.count("select count(*) from fact_income")).isEqualTo(1);
        }
    }

    @Test
    void aReturnThatWasGoneWhenItsTurnCameIsReadOnceItIsBack() throws Exception {
        Path file = ReturnFixtures.csv(temp.resolve("input/222424"), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10");
        assertThat(TempDrop.run(temp)).isZero();
        // as the ledger stands when the file vanished between discovery and reading
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + temp.resolve("warehouse/ruralstat.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("delete from fact_income");
            s.execute("update etl_submission set status = 'rejected', rows_read = 0, rows_loaded = 0");
            s.execute("insert into etl_issue (submission_id, rule, severity, message_zh, message_en) "
                    + "values (1, 'FILE-021', 'error', '文件在读取前已被移走', 'gone')");
        }
        assertThat(Files.exists(file)).isTrue();
        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select submission_id || ':' || status from etl_submission order by 1"))
                    .containsExactly("1:rejected", "2:loaded");
            assertThat(warehouse.count("select count(*) from fact_income")).isEqualTo(1);
        }
    }

    @Test
    void everySubmissionGetsItsOwnShortReceiptWhateverItsName() throws Exception {
        Path county = temp.resolve("input/222424");
        String header = "村名,村集体经济收入（万元）";
        ReturnFixtures.csv(county, "收入.csv", StandardCharsets.UTF_8, header, "汪清村委会,10");
        ReturnFixtures.csv(county, "收入.CSV", StandardCharsets.UTF_8, header, "城关村委会,11");
        ReturnFixtures.csv(county.resolve("2023"), "名单.csv", StandardCharsets.UTF_8, header, "大川村委会,12");
        ReturnFixtures.csv(county, "2023_名单.csv", StandardCharsets.UTF_8, header, "河北村委会,13");
        ReturnFixtures.csv(county, "村".repeat(80) + ".csv", StandardCharsets.UTF_8, header, "夹皮沟村委会,14");
        ReturnFixtures.csv(county.resolve("汪清县农业农村局/乡村振兴科/二〇二二年度报表"), "收入.csv", StandardCharsets.UTF_8,
                header, "柳树河村委会,15");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            List<String> receipts = warehouse.strings("select feedback_path from etl_submission order by submission_id");
            assertThat(receipts).hasSize(6).doesNotContainNull().doesNotHaveDuplicates();
            for (String receipt : receipts) {
                Path file = temp.resolve("warehouse").resolve(receipt);
                assertThat(file).exists();
                assertThat(file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(160);
                // and a copy where the bureau reads them, beside its drop folder, listed on its index page
                Path delivered = temp.resolve("receipts/222424").resolve(file.getFileName().toString());
                assertThat(delivered).hasSameBinaryContentAs(file);
                String link = java.net.URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8).replace("+", "%20");
                assertThat(Files.readString(temp.resolve("receipts/222424/index.html"))).contains("href=\"" + link + "\"");
            }
        }
        assertThat(Files.readString(temp.resolve("receipts/222424/index.html"))).contains("未入库").contains("<tr><td>6</td>");
    }
}
