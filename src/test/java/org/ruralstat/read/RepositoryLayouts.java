package org.ruralstat.read;

import org.ruralstat.reference.Seeds;
import org.ruralstat.reference.UnitCatalog;
import org.ruralstat.subject.HeaderAliasMatcher;
import org.ruralstat.subject.SubjectCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The layout detector of the repository's own {@code jobs/} and {@code seeds/units.csv}, for tests. */
public final class RepositoryLayouts {

    private RepositoryLayouts() {
    }

    public static LayoutDetector detector() throws IOException {
        UnitCatalog units;
        try (InputStream in = Files.newInputStream(Path.of("seeds/units.csv"))) {
            units = new UnitCatalog(Seeds.rows(in));
        }
        List<HeaderAliasMatcher> matchers = new ArrayList<>();
        for (String subject : List.of("cadres", "employment", "income", "sanitation")) {
            Path yaml = Path.of("jobs", subject + ".yml");
            try (InputStream in = Files.newInputStream(yaml)) {
                matchers.add(new HeaderAliasMatcher(SubjectCatalog.parse(yaml.toString(), in), units));
            }
        }
        return new LayoutDetector(matchers);
    }
}
