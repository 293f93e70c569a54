package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.RuralstatApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** No ID number or phone number of the input reaches the logs, the warehouse or the feedback workbooks. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataFunctionalTests {

    @TempDir
    Path temp;

    @Test
    void idAndPhoneNumbersAppearNowhereAfterARun(CapturedOutput output) throws Exception {
        String valid = ReturnFixtures.idNumber("222402", "19800101", 12);
        String wrongCheck = ReturnFixtures.idNumber("222402", "19810202", 13);
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        String phone = "13912345678";
        List<String> secrets = List.of(valid, wrongCheck, phone, valid.substring(0, 17), "2.22402198E17");
        ReturnFixtures.csv(temp.resolve("input/222402"), "2021年驻村干部.csv", StandardCharsets.UTF_8,
                "姓名,身份证号,联系电话,选派层级,职务,乡镇,驻村名称",
                "张三," + valid + "," + phone + ",省级,第一书记,月晴镇,笠峰村",
                "李四," + wrongCheck + "," + phone + ",县级,工作队员,月晴镇,水口村",
                "王五," + valid.substring(0, 17) + ",1391234,县级,工作队员,月晴镇,杰满村",
                "赵六,2.22402198E17," + phone + ",县级,工作队员,月晴镇,榆基村",
                "孙七,,不存在的村" + valid + ",县级,工作队员,月晴镇,不存在" + valid);

        assertThat(SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"))).isZero();

        List<String> texts = everyOutput(output);

        assertThat(texts).hasSizeGreaterThan(10);
        for (String secret : secrets) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
        assertThat(output.getAll()).contains("ruralstat run");
    }

    @Test
    void numbersInFreeTextHeadersAndEveryWrittenFormAreMaskedEverywhere(CapturedOutput output) throws Exception {
        String valid = ReturnFixtures.idNumber("222402", "19800101", 12);
        String spaced = valid.substring(0, 6) + " " + valid.substring(6, 14) + " " + valid.substring(14);
        String fifteen = "222402800101012";
        List<String> secrets = List.of(valid, spaced, fifteen, "+8613912345678", "139-1234-5678", "139 1234 5678",
                "13912345678", "13812345678", "1234-5678", "1234 5678", valid.substring(6, 14), "800101012");
        ReturnFixtures.csv(temp.resolve("input/222402"), "2021年驻村干部.csv", StandardCharsets.UTF_8,
                "姓名,身份证号,选派层级,职务,乡镇,驻村名称,派出单位,备注（联系人13812345678）",
                "张三," + valid + ",省级,第一书记,月晴镇,笠峰村,吉林省财政厅 联系人张三 +8613912345678 身份证" + spaced + ",",
                "李四," + ReturnFixtures.idNumber("222402", "19810202", 14) + ",县级,工作队员,月晴镇,水口村,"
                        + "图们市农业局（电话139-1234-5678，老身份证" + fifteen + "）,139 1234 5678");

        assertThat(SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"))).isZero();

        List<String> texts = everyOutput(output);
        texts.addAll(parquetTextValues(temp.resolve("warehouse/published/parquet")));

        assertThat(String.join("\n", texts)).contains("吉林省财政厅 联系人张三", "备注");
        for (String secret : secrets) {
            assertThat(texts).as(secret).noneMatch(text -> text.contains(secret));
        }
    }

    /**
     * A bureau may name a file after a person, ID number and all. The working file keeps the real path (the run must
     * find the file again); everything a person reads masks it: the snapshot, its Parquet files, the feedback
     * workbook's name and text, the morning report and the logs. The job repository holds no file name at all.
     */
    @Test
    void idAndPhoneNumbersInAFileNameAreMaskedWhereverTheNameIsShown(CapturedOutput output) throws Exception {
        String id = ReturnFixtures.idNumber("222402", "19800101", 12);
        String phone = "13912345678";
        String fileName = "张三" + id + "_" + phone + "_2021年驻村干部.csv";
        ReturnFixtures.csv(temp.resolve("input/222402"), fileName, StandardCharsets.UTF_8,
                "姓名,身份证号,联系电话,选派层级,职务,乡镇,驻村名称",
                "张三," + id + "," + phone + ",省级,第一书记,月晴镇,笠峰村",
                "李四," + id + ",,县级,工作队员,月晴镇,不存在的村");

        assertThat(RuralstatApplication.execute("run", "--quiet-period", "0s", "--input", temp.resolve("input").toString(),
                "--warehouse", temp.resolve("warehouse").toString())).isZero();

        Path working = temp.resolve("warehouse/ruralstat.duckdb");
        assertThat(everyTextValue(working)).anyMatch(text -> text.contains(fileName));
        List<String> texts = new ArrayList<>();
        texts.add(output.getAll());
        try (Stream<Path> files = Files.walk(temp.resolve("warehouse"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("ruralstat.duckdb")
                    || !f.getParent().equals(working.getParent())).toList()) {
                texts.add(temp.relativize(file).toString());
                if (Files.isRegularFile(file)) {
                    texts.add(file.getFileName() + ": " + Files.readString(file, StandardCharsets.ISO_8859_1));
                    if (file.toString().endsWith(".xlsx")) {
                        texts.add(unzippedText(file));
                    }
                }
            }
        }
        texts.addAll(everyTextValue(temp.resolve("warehouse/published/ruralstat.duckdb")));
        texts.addAll(parquetTextValues(temp.resolve("warehouse/published/parquet")));
        texts.addAll(executionContexts(temp.resolve("warehouse/jobrepo/batch")));

        // files are read as ISO-8859-1 to compare bytes, so the name is looked for by its ASCII part
        String masked = org.ruralstat.text.PersonalDataMasker.scrub(id + "_" + phone);
        assertThat(masked).doesNotContain(id).doesNotContain(phone);
        assertThat(texts).anyMatch(text -> text.contains(masked));
        for (String secret : List.of(id, phone)) {
            for (String text : texts) {
                assertThat(text).as("no %s in %s", secret, text.length() > 200 ? text.substring(0, 200) : text)
                        .doesNotContain(secret);
            }
        }
    }

    /** The job repository's execution contexts as stored and, where they are Base64 (serialized Java), decoded. */
    private static List<String> executionContexts(Path repository) throws Exception {
        List<String> contexts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + repository + ";ACCESS_MODE_DATA=r", "sa", "");
             Statement s = c.createStatement()) {
            for (String table : List.of("BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION_CONTEXT")) {
                try (ResultSet rs = s.executeQuery("select SHORT_CONTEXT, SERIALIZED_CONTEXT from " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= 2; i++) {
                            String stored = rs.getString(i);
                            if (stored == null) {
                                continue;
                            }
                            contexts.add(stored);
                            try {
                                contexts.add(new String(java.util.Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1));
                            } catch (IllegalArgumentException notBase64) {
                                // stored as it is
                            }
                        }
                    }
                }
            }
        }
        assertThat(contexts).as("step contexts of the run").hasSizeGreaterThan(2);
        return contexts;
    }

    /**
     * Everything a run leaves for a person to read: the log, every file under the warehouse and the bureaus' receipts
     * folder (workbooks unzipped), and
     * every text value of both DuckDB files.
     */
    private List<String> everyOutput(CapturedOutput output) throws Exception {
        List<String> texts = new ArrayList<>();
        texts.add(output.getAll());
        for (Path folder : List.of(temp.resolve("warehouse"), temp.resolve("receipts"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    texts.add(Files.readString(file, StandardCharsets.ISO_8859_1));
                    if (file.toString().endsWith(".xlsx")) {
                        texts.add(unzippedText(file));
                    }
                }
            }
        }
        texts.addAll(everyTextValue(temp.resolve("warehouse/ruralstat.duckdb")));
        texts.addAll(everyTextValue(temp.resolve("warehouse/published/ruralstat.duckdb")));
        return texts;
    }

    /** The text values of every Parquet file under the folder (compressed on disk, so read back with DuckDB). */
    private static List<String> parquetTextValues(Path folder) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                try (ResultSet rs = s.executeQuery("select * from read_parquet('" + file.toString().replace("'", "''") + "')")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof String text) {
                                values.add(text);
                            }
                        }
                    }
                }
            }
        }
        assertThat(values).isNotEmpty();
        return values;
    }

    private static String unzippedText(Path xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                text.append(entry.getName()).append('\n');
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** Every VARCHAR value of every table, read with SQL (the file itself may hold strings compressed). */
    private static List<String> everyTextValue(Path database) throws Exception {
        List<String> values = new ArrayList<>();
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database, properties);
             Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name, column_name from duckdb_columns() "
                    + "where data_type = 'VARCHAR' and not internal")) {
                while (rs.next()) {
                    columns.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (ResultSet rs = s.executeQuery("select string_agg(\"" + column[1] + "\", '|') from \"" + column[0] + "\"")) {
                    rs.next();
                    String all = rs.getString(1);
                    if (all != null) {
                        values.add(all);
                    }
                }
            }
        }
        return values;
    }
}
