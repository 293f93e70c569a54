package org.ruralstat.discover;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FileReadinessTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @ParameterizedTest(name = "modified {0} s ago, quiet period {1} s: settled {2}")
    @CsvSource({
            "3600, 60, true",
            "61, 60, true",
            "60, 60, true",
            "59, 60, false",
            "0, 60, false",
            "-30, 60, false",   // a clock ahead on the file server: still arriving
            "0, 0, true",
            "-30, 0, false"})
    void leavesFilesModifiedWithinTheQuietPeriod(long secondsAgo, long quietSeconds, boolean settled) {
        FileReadiness readiness = new FileReadiness(Duration.ofSeconds(quietSeconds), Clock.fixed(NOW, ZoneOffset.UTC));
        DiscoveredFile file = new DiscoveredFile("222402", Path.of("input/222402/a.xlsx"), "222402/a.xlsx", 10,
                NOW.minusSeconds(secondsAgo));
        assertThat(readiness.isSettled(file)).isEqualTo(settled);
    }
}
