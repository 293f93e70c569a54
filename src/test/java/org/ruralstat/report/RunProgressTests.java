package org.ruralstat.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunProgressTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void estimatesTimeLeftFromTheShareOfBytesRead() {
        var progress = new RunProgress.FileProgress("222402/图们市2021年驻村干部名单.csv", 5_000, 0.25, 0, 10 * SECOND, null);
        assertThat(progress.rowsPerSecond()).isEqualTo(500);
        assertThat(progress.secondsLeft()).isEqualTo(30);
        assertThat(progress.describe()).contains("5,000 rows").contains("25%").contains("500 rows/s").contains("~30 s left");
    }

    @Test
    void saysNothingOfTimeLeftBeforeItCanTell() {
        assertThat(new RunProgress.FileProgress("a.csv", 0, 0, 0, SECOND, null).secondsLeft()).isNegative();
        assertThat(new RunProgress.FileProgress("a.csv", 10, 0.005, 0, SECOND, null).describe()).doesNotContain("left");
    }

    @Test
    void tracksFilesFromStartToFinishAndReportsEachFinishOnce() {
        RunProgress progress = new RunProgress();
        long[] rows = {0};
        progress.fileStarted(1, "a.csv", () -> rows[0], () -> rows[0] / 2000.0);
        progress.fileStarted(2, "b.xlsx", () -> 0, () -> -1);
        rows[0] = 1_000;
        assertThat(progress.active()).extracting(RunProgress.FileProgress::file).containsExactly("a.csv", "b.xlsx");
        assertThat(progress.active().get(0).rows()).isEqualTo(1_000);
        assertThat(progress.active().get(0).shareRead()).isEqualTo(0.5);
        assertThat(progress.active().get(1).shareRead()).as("unknown share").isZero();

        progress.fileFinished(1, 2_000, "completed");
        assertThat(progress.active()).extracting(RunProgress.FileProgress::file).containsExactly("b.xlsx");
        assertThat(progress.drainFinished()).singleElement()
                .satisfies(done -> assertThat(done.describe()).contains("2,000 rows").contains("completed"));
        assertThat(progress.drainFinished()).isEmpty();
    }
}
