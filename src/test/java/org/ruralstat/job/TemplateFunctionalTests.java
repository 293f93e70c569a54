package org.ruralstat.job;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ruralstat template}: the xlsx a bureau fills in. Its checks are read back from the file; filled in as its
 * prompts say, it loads with no finding; filled in with the usual mistakes, what Excel would have refused is what
 * the run rejects.
 */
class TemplateFunctionalTests {

    private static final String COUNTY = "222426";

    @TempDir
    Path temp;

    private Path template(String subject, int year, String... more) {
        Path out = temp.resolve("templates").resolve(subject + ".xlsx");
        List<String> args = new ArrayList<>(List.of("template", "--submitter", COUNTY, "--subject", subject,
                "--period", Integer.toString(year), "--out", out.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = TemplateCommand.execute(TemplateCommand.parse(args.toArray(String[]::new)), Map.of(),
                new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    @Test
    void anIncomeTemplateCarriesItsChecksAndLoadsCleanWhenFilledAsItsPromptsSay() throws Exception {
        Path template = template("income", 2022);
        Path filled = temp.resolve("input").resolve(COUNTY).resolve("安图县2022年收入.xlsx");
        Files.createDirectories(filled.getParent());
        int regions;
        try (XSSFWorkbook workbook = new XSSFWorkbook(template.toFile())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(1)).isEqualTo("填表说明");
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex("代码表"))).isTrue();
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("安图县2022年收入报表");
            List<String> headers = new ArrayList<>();
            sheet.getRow(2).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("乡镇", "地区", "区划代码", "农村居民人均可支配收入（元）",
                    "脱贫地区农村居民人均可支配收入（元）", "脱贫人口人均纯收入（元）", "村集体经济收入（元）",
                    "村集体经营性收入（元）", "说明");
            Map<Integer, DataValidation> checks = new TreeMap<>();
            sheet.getDataValidations().forEach(v -> checks.put(v.getRegions().getCellRangeAddress(0).getFirstColumn(), v));
            assertThat(checks.get(2).getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(checks.get(3).getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(checks.get(3).getValidationConstraint().getFormula1()).isEqualTo("1000");
            assertThat(checks.get(3).getValidationConstraint().getFormula2()).isEqualTo("200000");
            assertThat(checks.get(3).getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(checks.get(3).getPromptBoxText()).contains("INC-001");
            assertThat(checks.get(6).getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getLocked()).isFalse();
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getLocked()).isTrue();
            regions = sheet.getLastRowNum() - 2;
            assertThat(regions).isEqualTo(240);
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(2).getStringCellValue()).matches("222426\\d{6}");
                double[] values = {15000 + r, 14000 + r, 13000 + r, 500000, 200000};
                for (int c = 0; c < values.length; c++) {
                    row.getCell(3 + c).setCellValue(values[c]);
                }
            }
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
        assertThat(TempDrop.run(temp)).isZero();
        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select status from etl_submission")).containsExactly("loaded");
            assertThat(warehouse.count("select count(*) from etl_issue")).isZero();
            assertThat(warehouse.count("select count(*) from fact_income where period = '2022'")).isEqualTo(regions * 5L);
        }
    }

    @Test
    void aCadreTemplateOffersTheCodeListsAndRejectsWhatItsChecksWouldRefuse() throws Exception {
        Path template = template("cadres", 2023);
        Path filled = temp.resolve("input").resolve(COUNTY).resolve("安图县2023年驻村干部.xlsx");
        Files.createDirectories(filled.getParent());
        try (XSSFWorkbook workbook = new XSSFWorkbook(template.toFile())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(2).forEach(cell -> column.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Map<Integer, DataValidation> checks = new TreeMap<>();
            sheet.getDataValidations().forEach(v -> checks.put(v.getRegions().getCellRangeAddress(0).getFirstColumn(), v));
            DataValidation level = checks.get(column.get("选派层级"));
            assertThat(level.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            String listName = level.getValidationConstraint().getFormula1();
            assertThat(listValues(workbook, listName)).containsExactlyInAnyOrder("中央", "省级", "市（州）级", "县级", "乡镇级");
            assertThat(checks.get(column.get("身份证号")).getValidationConstraint().getValidationType())
                    .isEqualTo(ValidationType.TEXT_LENGTH);
            assertThat(checks.get(column.get("任职时间起")).getValidationConstraint().getValidationType())
                    .isEqualTo(ValidationType.DATE);
            assertThat(checks.get(column.get("培训学时（学时）")).getValidationConstraint().getFormula2()).isEqualTo("2000");
            assertThat(listValues(workbook, checks.get(column.get("村代码")).getValidationConstraint().getFormula1()))
                    .hasSize(240).allMatch(code -> code.startsWith(COUNTY));

            fill(sheet.createRow(3), column, Map.of("姓名", "李明", "身份证号", ReturnFixtures.idNumber(COUNTY, "19850612", 1),
                    "选派层级", "省级", "职务", "第一书记", "乡镇", "明月镇", "驻村名称", "新屯子村",
                    "村代码", "222426102201", "任职时间起", "2023-03-01", "培训学时（学时）", "40"));
            // what the template's checks refuse as typed: a level not in the list, an ID number of 17 characters
            fill(sheet.createRow(4), column, Map.of("姓名", "王芳", "身份证号", ReturnFixtures.idNumber(COUNTY, "19900101", 2).substring(1),
                    "选派层级", "省里", "职务", "工作队员", "乡镇", "明月镇", "驻村名称", "福兴村",
                    "村代码", "222426102202", "任职时间起", "2023-03-01"));
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
        assertThat(TempDrop.run(temp)).isZero();
        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.count("select count(*) from fact_cadre_posting")).isEqualTo(1);
            assertThat(warehouse.strings("select coalesce(cast(row_number as varchar), 'file') || ':' || rule from etl_issue order by 1"))
                    .containsExactly("5:ROW-004", "5:ROW-010");
        }
    }

    @Test
    void aUsageErrorIsOneLine() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TemplateCommand.parse("template", "--submitter", COUNTY, "--subject", "income"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TemplateCommand.execute(TemplateCommand.parse("template", "--submitter", COUNTY, "--subject", "weather",
                "--period", "2022"), Map.of(), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no subject 'weather'").contains("income").hasLineCount(1);
    }

    private static void fill(Row row, Map<String, Integer> column, Map<String, String> values) {
        values.forEach((header, value) -> {
            Integer c = column.get(header);
            assertThat(c).as(header).isNotNull();
            row.createCell(c).setCellValue(value);
        });
    }

    private static List<String> listValues(XSSFWorkbook workbook, String name) {
        String formula = workbook.getName(name).getRefersToFormula();
        Sheet lists = workbook.getSheet("代码表");
        var range = org.apache.poi.ss.util.CellRangeAddress.valueOf(formula.substring(formula.indexOf('!') + 1));
        List<String> values = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
            values.add(formatter.formatCellValue(lists.getRow(r).getCell(range.getFirstColumn())));
        }
        return values;
    }
}
