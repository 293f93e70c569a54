package org.ruralstat.job;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.query.QueryCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code query} as an attacker would try it: nothing written or read outside the snapshot, no ATTACH, no setting, no
 * extension, one statement per call; and the exports an analyst asks for (CSV safe for Excel, Parquet).
 */
class QueryCommandFunctionalTests {

    @TempDir
    Path temp;

    private Path warehouse;

    @BeforeEach
    void loadOneReturn() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222424"), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10", "=HYPERLINK(\"http://x\"),12");
        warehouse = temp.resolve("warehouse");
        assertThat(SharedApplication.run(temp.resolve("input"), warehouse)).isZero();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result query(QueryCommand.Output output, String sql) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = QueryCommand.execute(warehouse, output, sql, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyWriteReadOutsideTheSnapshotAttachSettingAndExtensionIsRefused() throws Exception {
        Path working = warehouse.resolve("ruralstat.duckdb");
        Path secret = temp.resolve(".warehouse.cadre_key.secret");
        String before = sha256(working) + sha256(secret);
        String[] probes = {
                "copy (select 1) to '" + working + "'",
                "copy (select 1) to '" + temp.resolve("out.csv") + "'",
                "select * from read_text('/etc/passwd')",
                "select * from read_text('" + secret + "')",
                "select * from glob('/etc/*')",
                "attach '" + working + "' as w (read_write)",
                "set threads = 1",
                "install httpfs",
                "load httpfs",
                "select 1; select 2",
                "export database '" + temp.resolve("export") + "'",
        };
        for (String probe : probes) {
            Result result = query(QueryCommand.Output.TABLE, probe);
            assertThat(result.exit()).as(probe).isNotZero();
            assertThat(result.out()).as(probe).doesNotContain("root:");
        }
        assertThat(sha256(working) + sha256(secret)).isEqualTo(before);
        assertThat(temp.resolve("out.csv")).doesNotExist();
        assertThat(temp.resolve("export")).doesNotExist();
        assertThat(query(QueryCommand.Output.TABLE, "select count(*) as n from fact_income").out()).contains("1");
    }

    @Test
    void csvForExcelHasABomAndNeutralisedFormulasAndParquetIsWrittenWhereAsked() throws Exception {
        Result csv = query(new QueryCommand.Output(true, true, null),
                "select '=HYPERLINK(\"http://x\")' as text, -12.5 as n");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).startsWith("\uFEFF").contains("'=HYPERLINK").contains("-12.5");

        Path parquet = temp.resolve("exports/收入.parquet");
        Files.createDirectories(parquet.getParent());
        Result written = query(new QueryCommand.Output(false, false, parquet), "select * from fact_income");
        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(parquet).isNotEmptyFile();
        assertThat(QueryCommand.execute(warehouse.resolve("published/ruralstat.duckdb"), QueryCommand.Output.TABLE,
                "select count(*) from v_compare", new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
    }

    @Test
    void theSnapshotOpensInADuckDb1xClientAndTheViewsAreExportedToParquet() throws Exception {
        Path reader = temp.resolve("OldClient.java");
        Files.writeString(reader, """
                import java.sql.*;
                import java.util.Properties;
                public class OldClient {
                    public static void main(String[] args) throws Exception {
                        Properties p = new Properties();
                        p.setProperty("duckdb.read_only", "true");
                        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], p);
                             Statement s = c.createStatement();
                             ResultSet rs = s.executeQuery("select version(), (select count(*) from fact_income), "
                                     + "(select count(*) from v_compare) >= 0")) {
                            rs.next();
                            System.out.println(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBoolean(3));
                        }
                    }
                }
                """);
        Path oldJdbc = Path.of("target/duckdb-1x/duckdb_jdbc-1.x.jar");
        assertThat(oldJdbc).as("copied by the build (maven-dependency-plugin)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", oldJdbc.toAbsolutePath().toString(), reader.toString(),
                warehouse.resolve("published/ruralstat.duckdb").toAbsolutePath().toString()).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(printed).isZero();
        assertThat(printed.strip()).startsWith("v1.").endsWith(" 1 true");

        for (String view : new String[]{"v_compare", "v_indicator_value", "v_county_scorecard", "v_missing_submissions"}) {
            assertThat(warehouse.resolve("published/parquet/" + view + ".parquet")).isNotEmptyFile();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
