package org.ruralstat.docs;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ruralstat.*} setting of {@code application.yml} has its row in {@code docs/configuration.md}, with the
 * environment variable Spring Boot binds and the same default, written once: the document cannot drift from the code.
 */
class ConfigurationDocsTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| `?([A-Z0-9_]*)`? \\| (.*?) \\| .*$",
            Pattern.MULTILINE);

    @Test
    void everySettingIsDocumentedWithItsEnvironmentVariableAndDefault() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            Map<String, Object> root = new Yaml().load(in);
            flatten("ruralstat", root.get("ruralstat"), settings);
        }
        Map<String, String[]> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            documented.put(m.group(1), new String[]{m.group(2), m.group(3).replace("`", "").trim()});
        }
        assertThat(settings).hasSizeGreaterThan(10);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            assertThat(documented).as("docs/configuration.md row for %s", key).containsKey(key);
            String[] row = documented.get(key);
            // Spring Boot binds both forms of a variable: dashes dropped (RURALSTAT_QUIETPERIOD) or, the legacy form
            // documented here, written as underscores (RURALSTAT_QUIET_PERIOD)
            assertThat(row[0]).as("environment variable of %s", key)
                    .isEqualTo(key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
            assertThat(row[1]).as("default of %s", key).isEqualTo(expectedDefault(key, setting.getValue()));
        }
    }

    /** How the document writes a default: as it is, or in words where the value is a placeholder. */
    private static String expectedDefault(String key, String value) {
        if (value.isEmpty() || value.startsWith("${") && value.endsWith(":}")) {
            return "empty";
        }
        if (key.equals("ruralstat.threads") && value.equals("0")) {
            return "cores";
        }
        if (value.startsWith("classpath")) {
            return value.contains("jobs/") ? "the jar's jobs/*.yml" : "the jar's seeds/";
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                flatten(prefix + "." + e.getKey(), e.getValue(), into);
            }
        } else {
            into.put(prefix, value == null ? "" : value.toString());
        }
    }
}
