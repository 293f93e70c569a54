package org.ruralstat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTests {

    @Test
    void readsUserPlusSystemTicksPastACommandNameWithSpacesAndParentheses(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("stat");
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(stat, "4242 (C2 Compiler (x)) S 1 1 1 0 -1 4194560 10 0 0 0 1234 56 0 0 20 0 1 0\n");

        assertThat(ChildProcess.cpuTicks(stat)).isEqualTo(1290);
    }

    @Test
    void cpuTicksOfAProcessThatHasGoneAreMinusOne(@TempDir Path dir) {
        assertThat(ChildProcess.cpuTicks(dir.resolve("no-such-stat"))).isEqualTo(-1);
    }

    @Test
    void measuresTheCpuTimeOfABusyChild(@TempDir Path dir) throws Exception {
        ChildProcess.Outcome outcome = ChildProcess.run(List.of("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"),
                dir, "busy", 60);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.cpuSeconds()).isGreaterThan(0.05).isLessThanOrEqualTo(outcome.wallSeconds() * 2 + 0.05);
        assertThat(outcome.compilerCpuSeconds()).isZero(); // a shell has no JIT compiler threads
    }
}
