package org.ruralstat.bench;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruralstat.bench.BenchDrop.ReturnFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the benchmark reads a serve process's nights from its log, and which returns make its first night. */
class ServedRunTests {

    private static final String LOG = """
            23:59:58.100 INFO  ServeCommand - Starting a run (new files)
            23:59:59.000 INFO  ServeCommand - The run (new files) ended with exit code 0
            23:59:59.900 INFO  ServeCommand - Starting a run (new files)
              time per step: prepareWarehouse 0.1 s
            00:00:12.400 INFO  ServeCommand - The run (new files) ended with exit code 3
            """;

    @Test
    void timesTheLastNightAcrossMidnightAndReadsItsExitCode() {
        assertThat(ServedRun.lastNightSeconds(LOG)).isEqualTo(12.5);
        assertThat(ServedRun.lastExitCode(LOG)).isEqualTo(3);
        assertThatThrownBy(() -> ServedRun.lastNightSeconds("nothing ran")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startsWithTheEarlierReturnsOfTheSameSubjectAndFormatButNeverTheSamePath() {
        BenchDrop earlier = new BenchDrop(Path.of("p"), "", List.of(
                new ReturnFile("331082/a.xlsx", "331082", "cadres", "xlsx", 10, 0),
                new ReturnFile("331083/b.xlsx", "331083", "cadres", "xlsx", 10, 0),
                new ReturnFile("331084/c.csv", "331084", "cadres", "csv-gbk", 10, 0),
                new ReturnFile("331085/d.xlsx", "331085", "income", "xlsx", 10, 0)));
        BenchDrop big = new BenchDrop(Path.of("b"), "", List.of(new ReturnFile("331082/a.xlsx", "331082", "cadres", "xlsx", 99, 1)));
        assertThat(ServedRun.earlierReturns(earlier, big)).extracting(ReturnFile::path).containsExactly("331083/b.xlsx");
        BenchDrop heldOut = new BenchDrop(Path.of("h"), "", List.of(new ReturnFile("331086/e.csv", "331086", "held out", "csv", -1, -1)));
        assertThat(ServedRun.earlierReturns(earlier, heldOut)).extracting(ReturnFile::path).containsExactly("331084/c.csv");
    }
}
