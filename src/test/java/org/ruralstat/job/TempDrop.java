package org.ruralstat.job;

import org.ruralstat.RuralstatApplication;

import java.nio.file.Path;

/** A drop folder and warehouse under a test's temporary folder: {@code input/} and {@code warehouse/}. */
final class TempDrop {

    private TempDrop() {
    }

    /** One run of the job over {@code <temp>/input} into {@code <temp>/warehouse}, files taken as settled. */
    static int run(Path temp) {
        return RuralstatApplication.execute("run", "--quiet-period", "0s", "--input", temp.resolve("input").toString(),
                "--warehouse", temp.resolve("warehouse").toString());
    }

    /** The published snapshot of {@code <temp>/warehouse}. */
    static WarehouseQueries published(Path temp) throws Exception {
        return WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"));
    }
}
