package org.ruralstat.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.reference.Seeds;
import org.ruralstat.subject.RepositorySubjects;
import org.ruralstat.subject.SubjectDefinition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

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
        List<SubjectDefinition> subjects = RepositorySubjects.all();
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
