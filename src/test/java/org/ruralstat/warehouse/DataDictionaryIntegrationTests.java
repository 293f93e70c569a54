package org.ruralstat.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.normalize.Seeds;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * warehouse/DICTIONARY.md is what the schema, views, subjects and seeds say. Regenerate it with
 * {@code ./mvnw verify -Dit.test=DataDictionaryIntegrationTests -Ddictionary.write=true}.
 */
class DataDictionaryIntegrationTests {

    private static final Path DICTIONARY = Path.of("warehouse/DICTIONARY.md");

    @TempDir
    Path temp;

    @Test
    void committedDictionaryDescribesTheCurrentDefinitions() throws Exception {
        List<SubjectDefinition> subjects = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                if (Files.readString(file).lines().anyMatch(l -> l.startsWith("subject:"))) {
                    subjects.add(SubjectCatalog.parse(file.getFileName().toString(), Files.newInputStream(file)));
                }
            }
        }
        String rendered;
        try (Warehouse warehouse = new Warehouse(temp)) {
            new WarehouseSchema(warehouse, subjects).apply();
            try (Connection c = warehouse.connect()) {
                rendered = DataDictionary.render(c, subjects, Seeds.rows(Files.newInputStream(Path.of("seeds/indicators.csv"))),
                        Seeds.rows(Files.newInputStream(Path.of("seeds/units.csv"))));
            }
        }
        if (Boolean.getBoolean("dictionary.write")) {
            Files.writeString(DICTIONARY, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).contains("### `fact_income` (table)", "### `v_compare` (view)", "`rural_income_per_capita`", "万元");
        assertThat(Files.readString(DICTIONARY, StandardCharsets.UTF_8))
                .as("warehouse/DICTIONARY.md is out of date: regenerate it (see this test's javadoc)")
                .isEqualTo(rendered);
    }
}
