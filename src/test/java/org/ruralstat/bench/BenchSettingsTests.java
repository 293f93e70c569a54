package org.ruralstat.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSettingsTests {

    @Test
    void jvmOptionsAreSplitAtWhiteSpace() {
        assertThat(BenchSettings.jvmOptions("")).isEmpty();
        assertThat(BenchSettings.jvmOptions("   ")).isEmpty();
        assertThat(BenchSettings.jvmOptions(" -XX:+UseSerialGC \t -XX:TieredStopAtLevel=1 "))
                .containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void jvmOptionsMayNotSetTheHeapTheMemoryTargetNames() {
        assertThatThrownBy(() -> BenchSettings.jvmOptions("-XX:+UseSerialGC -Xmx4g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Xmx4g").hasMessageContaining("bench.xmx");
        assertThatThrownBy(() -> BenchSettings.jvmOptions("-XX:MaxHeapSize=4g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchSettings.jvmOptions("UseSerialGC")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UseSerialGC");
    }

    @Test
    void theJvmLineShowsTheHeapThenTheOptions() {
        BenchSettings settings = new BenchSettings(1, 100, "512m", "4g", 2, Path.of("target/bench"), Path.of("target/ruralstat.jar"),
                Path.of("."), null, null, "cadres", List.of("-XX:+UseSerialGC"));
        assertThat(settings.jvmLine()).isEqualTo("-Xmx512m -XX:+UseSerialGC");
        assertThat(new BenchSettings(1, 100, "512m", "4g", 2, Path.of("target/bench"), Path.of("target/ruralstat.jar"),
                Path.of("."), null, null, "cadres", List.of()).jvmLine()).isEqualTo("-Xmx512m");
    }
}
