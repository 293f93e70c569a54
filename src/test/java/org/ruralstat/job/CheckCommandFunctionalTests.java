package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.RuralstatApplication;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check}: one return checked as a run would check it, its 回执 beside it, no warehouse touched. */
class CheckCommandFunctionalTests {

    @TempDir
    Path temp;

    @Test
    void aGoodReturnWouldLoadAndABadOneGetsTheFindingsOfARunWithoutTouchingTheWarehouse() throws Exception {
        Path desk = temp.resolve("clerk");
        Path good = ReturnFixtures.csv(desk, "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10", "城关村委会,12");
        Path bad = ReturnFixtures.csv(desk, "2022年收入（有误）.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）,村集体经营性收入（万元）", "汪清村委会,10,12", "不存在村,5,1", "城关村委会,abc,1");

        assertThat(RuralstatApplication.execute("check", good.toString(), "--submitter", "222424")).isZero();
        assertThat(desk.resolve("回执-检查-2022年收入.xlsx")).isNotEmptyFile();
        Path receipt = temp.resolve("回执.xlsx");
        assertThat(RuralstatApplication.execute("check", bad.toString(), "--submitter", "222424", "--receipt", receipt.toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(receipt).isNotEmptyFile();
        assertThat(RuralstatApplication.execute("check", bad.toString())).isEqualTo(ExitCodes.USAGE);

        // the same file through a real run gives the same findings as the receipt lists
        Files.createDirectories(temp.resolve("input/222424"));
        Files.copy(bad, temp.resolve("input/222424").resolve(bad.getFileName()));
        assertThat(SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"))).isZero();
        List<String> fromRun;
        try (WarehouseQueries warehouse = WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"))) {
            fromRun = warehouse.strings("select sheet || '!' || cell_ref || ':' || rule from etl_issue order by 1");
        }
        assertThat(fromRun).isNotEmpty();
        List<String> fromCheck = new ArrayList<>();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(receipt.toFile())) {
            var list = workbook.getSheet("问题清单");
            for (int r = 1; r <= list.getLastRowNum(); r++) {
                fromCheck.add(list.getRow(r).getCell(0).getStringCellValue() + ":" + list.getRow(r).getCell(5).getStringCellValue());
            }
        }
        assertThat(fromCheck).containsExactlyInAnyOrderElementsOf(fromRun);
        try (var files = Files.list(desk)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder(
                    "2022年收入.csv", "2022年收入（有误）.csv", "回执-检查-2022年收入.xlsx");
        }
    }
}
