package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.RuralstatApplication;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Other processes around a run: an analyst holding the snapshot open, and a second run holding the lock. */
class ConcurrentAccessFunctionalTests {

    @TempDir
    Path temp;

    private int run() {
        return RuralstatApplication.execute("run", "--quiet-period", "0s", "--input", temp.resolve("input").toString(),
                "--warehouse", temp.resolve("warehouse").toString());
    }

    private static Process hold(String... args) throws Exception {
        String[] command = new String[args.length + 4];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = HoldFile.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aRunPublishesWhileAnAnalystHoldsTheOldSnapshotOpen() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222402"), "2021年收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（元）", "图们市,2021,15000");
        assertThat(run()).isZero();
        Path snapshot = temp.resolve("warehouse/published/ruralstat.duckdb");

        Process analyst = hold("duckdb", snapshot.toString(), "select count(*) from fact_income");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(analyst.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready 1");

            ReturnFixtures.csv(temp.resolve("input/222402"), "2022年收入.csv", StandardCharsets.UTF_8,
                    "地区,年度,农村居民人均可支配收入（元）", "图们市,2022,16000");
            assertThat(run()).isZero();

            try (WarehouseQueries fresh = WarehouseQueries.open(snapshot)) {
                assertThat(fresh.count("select count(*) from fact_income")).isEqualTo(2);
            }
            analyst.getOutputStream().close();
            assertThat(out.readLine()).isEqualTo("still 1");
        } finally {
            analyst.destroy();
            analyst.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondRunWhileTheFirstHoldsTheLockExitsAtOnceWithCodeThree() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222402"), "2021年收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（元）", "图们市,2021,15000");
        java.nio.file.Files.createDirectories(temp.resolve("warehouse"));
        Process other = hold("lock", temp.resolve("warehouse/ruralstat.lock").toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            assertThat(run()).isEqualTo(ExitCodes.LOCKED);
            // the lock is taken before Spring starts: the second run opened neither the job repository nor DuckDB
            assertThat(temp.resolve("warehouse/jobrepo")).doesNotExist();
            assertThat(temp.resolve("warehouse/ruralstat.duckdb")).doesNotExist();
            other.getOutputStream().close();
            assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.destroy();
        }
        assertThat(run()).isZero();
    }
}
