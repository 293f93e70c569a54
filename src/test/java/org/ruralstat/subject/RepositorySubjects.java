package org.ruralstat.subject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The subject definitions of the repository's own {@code jobs/}, for tests. */
public final class RepositorySubjects {

    private RepositorySubjects() {
    }

    public static List<SubjectDefinition> all() throws IOException {
        List<SubjectDefinition> subjects = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                if (Files.readString(file).lines().anyMatch(l -> l.startsWith("subject:"))) {
                    try (InputStream in = Files.newInputStream(file)) {
                        subjects.add(SubjectCatalog.parse(file.getFileName().toString(), in));
                    }
                }
            }
        }
        return subjects;
    }
}
