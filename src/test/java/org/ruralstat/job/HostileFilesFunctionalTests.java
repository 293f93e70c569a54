package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and malformed files in a drop: each gets a rejected ledger row with a reason, and nothing else is affected. */
class HostileFilesFunctionalTests {

    private static final Path CORPUS = Path.of("src/test/resources/corpus/poi");

    @TempDir
    Path temp;

    @Test
    void everyBadFileIsRejectedWithAReasonAndTheGoodOneStillLoads() throws Exception {
        Path folder = temp.resolve("input/222402");
        Files.createDirectories(folder);
        List<String> hostile = List.of("password.xls", "protected_passtika.xlsx", "testEXCEL_95.xls", "SampleSS.ods",
                "Simple.xlsb", "invalid.xlsx", "xlsx-corrupted.xlsx", "poc-shared-strings.xlsx", "SampleSS.strict.xlsx");
        for (String name : hostile) {
            Files.copy(CORPUS.resolve(name), folder.resolve(name));
        }
        Files.write(folder.resolve("空文件.csv"), new byte[0]);
        Files.writeString(folder.resolve("网页另存.xls"), "<html><body><table><tr><td>姓名</td></tr></table></body></html>");
        Files.write(folder.resolve("报告.pdf.xlsx"), "%PDF-1.4\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("说明.csv"), "这是一份说明，不是报表\n请查收\n");
        ReturnFixtures.csv(folder, "2021年收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（元）", "图们市,2021,15213");

        assertThat(SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"))).isZero();

        try (WarehouseQueries warehouse = WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"))) {
            assertThat(warehouse.count("select count(*) from etl_submission")).isEqualTo(hostile.size() + 5);
            assertThat(warehouse.strings("select file_name from etl_submission where status = 'loaded'")).containsExactly("2021年收入.csv");
            assertThat(warehouse.count("select count(*) from etl_submission where status = 'rejected' "
                    + "and status_reason is not null and length(status_reason) > 5")).isEqualTo(hostile.size() + 4);
            assertThat(warehouse.strings("select file_name || ':' || rule from etl_issue join etl_submission using (submission_id) "
                    + "where file_name in ('password.xls', 'poc-shared-strings.xlsx', 'testEXCEL_95.xls', '空文件.csv', "
                    + "'网页另存.xls', '说明.csv') order by file_name")).containsExactly(
                    "password.xls:FILE-003", "poc-shared-strings.xlsx:FILE-006", "testEXCEL_95.xls:FILE-005",
                    "空文件.csv:FILE-001", "网页另存.xls:FILE-002", "说明.csv:FILE-010");
            assertThat(warehouse.count("select count(*) from fact_income")).isEqualTo(1);
            assertThat(warehouse.count("select count(*) from etl_submission where feedback_path is not null"))
                    .isEqualTo(hostile.size() + 5);
        }
    }
}
