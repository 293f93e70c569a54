package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress an operator reads in the log while a file is being staged, from the jar as cron runs it. */
class ProgressFunctionalTests {

    @TempDir
    Path temp;

    @Test
    void logsHowFarAFileHasGotWhileItIsStaged() throws Exception {
        Path input = temp.resolve("input");
        CrashRecoveryFunctionalTests.copyDemo(input, List.of("222402"));

        String output;
        int exit;
        // Held 3 s after the first chunk of one row, so progress lines fall while the file is half read.
        try (JarProcess run = JarProcess.start(temp.resolve("run.log"),
                Map.of("RURALSTAT_DRILL_PAUSE_AT", "reading:1", "RURALSTAT_DRILL_HOLD", "3s"),
                "run", "--quiet-period", "0s", "--input", input.toString(), "--warehouse", temp.resolve("warehouse").toString(),
                "--ruralstat.progress-interval=250ms", "--ruralstat.chunk-size=1")) {
            exit = run.awaitExit(Duration.ofMinutes(3));
            output = run.output();
        }

        assertThat(exit).as(output).isZero();
        assertThat(output).containsPattern("Staging +222402/\\S+ +[0-9,]+ rows")
                .contains("Staged  222402/")
                .doesNotContain("Exception in thread")
                .doesNotContain("Progress could not be printed");
    }
}
