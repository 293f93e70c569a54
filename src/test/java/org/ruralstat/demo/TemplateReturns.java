package org.ruralstat.demo;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ruralstat.job.TemplateCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * A return made as a bureau would make it from {@code ruralstat template}: 安图县's 2023 employment by township,
 * the template's pre-filled township rows with their figures typed in.
 */
final class TemplateReturns {

    static final String SUBMITTER = "222426";
    static final String FILE_NAME = "安图县2023年就业情况（按模板填报）.xlsx";

    private final DropFolder drop;

    TemplateReturns(DropFolder drop) {
        this.drop = drop;
    }

    /** Writes only this return into a drop folder: {@code TemplateReturns [input]}. */
    public static void main(String[] args) throws IOException {
        DropFolder drop = new DropFolder(Path.of(args.length > 0 ? args[0] : "input"));
        new TemplateReturns(drop).writeAll();
        drop.written().forEach(System.out::println);
    }

    void writeAll() throws IOException {
        Path template = Files.createTempFile("ruralstat-template-", ".xlsx");
        try {
            int exit = TemplateCommand.execute(TemplateCommand.parse("template", "--submitter", SUBMITTER, "--subject",
                    "employment", "--period", "2023", "--level", "township", "--out", template.toString()), Map.of(),
                    new PrintStream(OutputStream.nullOutputStream()), System.err);
            if (exit != 0) {
                throw new IOException("the template command failed with exit code " + exit);
            }
            Path target = drop.file(SUBMITTER, FILE_NAME);
            try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                fill(workbook.getSheetAt(0));
                ReturnFiles.write(workbook, target);
            }
        } finally {
            Files.deleteIfExists(template);
        }
    }

    /** Columns: 地区, 区划代码, then transfer, stable, public welfare, local, migrant, population, 说明. */
    private static void fill(XSSFSheet sheet) {
        Random random = DemoDropGenerator.random(FILE_NAME);
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            int population = 8_000 + random.nextInt(12_000);
            int transfer = population / 5 + random.nextInt(300);
            int stable = transfer / 4 + random.nextInt(50);
            int welfare = 20 + random.nextInt(60);
            int local = transfer / 3 + random.nextInt(100);
            int migrant = transfer - local;
            int[] values = {transfer, stable, welfare, local, migrant, population};
            for (int c = 0; c < values.length; c++) {
                row.getCell(2 + c).setCellValue(values[c]);
            }
        }
    }
}
