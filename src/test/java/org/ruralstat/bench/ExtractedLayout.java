package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The deployment layout of the README's Operations section, made from the product jar: Spring Boot's
 * {@code jarmode=tools extract} (the application jar with its libraries beside it, loaded by the JDK's own class
 * path instead of the nested-jar loader) and a class-data archive recorded by one training run on the demo drop
 * ({@code -XX:ArchiveClassesAtExit}). The benchmark runs one scenario this way beside the plain jar.
 */
record ExtractedLayout(Path jar, Path archive) {

    private static final long TIMEOUT_SECONDS = 600;

    /** Extracts {@code productJar} under {@code workDir/extracted} and records its archive; fails loudly if either fails. */
    static ExtractedLayout make(Path productJar, Path demoInput, Path workDir) throws IOException, InterruptedException {
        Path destination = workDir.resolve("extracted");
        BenchFolders.delete(destination);
        Path logs = workDir.resolve("logs");
        check(ChildProcess.run(List.of(BenchFolders.java(), "-Djarmode=tools", "-jar", productJar.toString(), "extract",
                "--destination", destination.toString()), logs, "extract", TIMEOUT_SECONDS), "extracting " + productJar);
        ExtractedLayout layout = new ExtractedLayout(destination.resolve(productJar.getFileName()),
                destination.resolve("ruralstat.jsa"));
        Path trainingWarehouse = workDir.resolve("warehouse-cds-training");
        BenchFolders.delete(trainingWarehouse);
        check(ChildProcess.run(List.of(BenchFolders.java(), "-XX:ArchiveClassesAtExit=" + layout.archive(), "-jar",
                        layout.jar().toString(), "run", "--quiet-period", "0s", "--input", demoInput.toString(),
                        "--warehouse", trainingWarehouse.toString()), logs, "cds-training", TIMEOUT_SECONDS),
                "the training run that records " + layout.archive());
        if (!Files.isRegularFile(layout.archive())) {
            throw new IllegalStateException("the training run wrote no class-data archive " + layout.archive());
        }
        return layout;
    }

    /** What follows {@code java -Xmx… [logging]} to start the job from this layout. */
    List<String> launch() {
        return List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
    }

    private static void check(ChildProcess.Outcome outcome, String what) throws IOException {
        if (!outcome.succeeded()) {
            throw new IllegalStateException(what + " failed (exit code " + outcome.exitCode() + "): "
                    + Files.readString(outcome.stderr()).strip());
        }
    }
}
