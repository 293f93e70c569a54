package org.ruralstat.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes the demo drop: county returns of all four subjects (cadres, income, employment, sanitation) for
 * 2019-2022 whose rows add up to the published figures in {@link DemoFigures}. Same bytes on every run.
 *
 * <p>Usage: {@code DemoDropGenerator [output folder, default input] [regions, default seeds/regions.csv, or a
 * folder of the NBS lists]}. Files are overwritten; nothing else in the output folder is touched.
 */
public final class DemoDropGenerator {

    private static final long SEED = 20_221_010L;

    private DemoDropGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "input");
        Path reference = Path.of(args.length > 1 ? args[1] : "seeds/regions.csv");
        List<Path> files = generate(out, reference);
        files.forEach(f -> System.out.println(out.relativize(f)));
        System.out.println(files.size() + " files written to " + out.toAbsolutePath().normalize());
    }

    /** Writes every demo return under {@code out} and returns the files written, in writing order. */
    public static List<Path> generate(Path out, Path referenceDir) throws IOException {
        Files.createDirectories(out);
        DemoRegions regions = Files.isDirectory(referenceDir) ? DemoRegions.load(referenceDir)
                : DemoRegions.loadSeeds(referenceDir);
        DemoPeople people = new DemoPeople(new IdNumbers());
        DropFolder drop = new DropFolder(out);
        new YanbianCadreReturns(drop, regions, people).writeAll();
        new JinchengCadreReturns(drop, regions, people).writeAll();
        new FujianCadreReturns(drop, regions, people).writeAll();
        new IncomeReturns(drop, regions).writeAll();
        new EmploymentReturns(drop, regions).writeAll();
        new SanitationReturns(drop, regions).writeAll();
        new TemplateReturns(drop).writeAll();
        return drop.written();
    }

    /** A random source of its own for each file or table, so one file's content never depends on another's. */
    static Random random(String key) {
        return new Random(SEED ^ key.hashCode());
    }
}
