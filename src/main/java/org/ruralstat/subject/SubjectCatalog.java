package org.ruralstat.subject;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subjects declared in {@code jobs/*.yml}, checked when loaded so a bad definition stops start-up, not a run. */
public final class SubjectCatalog {

    private final Map<String, SubjectDefinition> subjects = new LinkedHashMap<>();

    public SubjectCatalog(List<SubjectDefinition> definitions) {
        for (SubjectDefinition definition : definitions) {
            if (subjects.put(definition.name(), definition) != null) {
                throw new IllegalArgumentException("subject declared twice: " + definition.name());
            }
        }
    }

    public List<SubjectDefinition> all() {
        return List.copyOf(subjects.values());
    }

    public Optional<SubjectDefinition> find(String name) {
        return Optional.ofNullable(subjects.get(name));
    }

    /** Reads one subject definition; the source name is only for messages. */
    public static SubjectDefinition parse(String sourceName, InputStream yaml) throws IOException {
        try (yaml) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            return toDefinition(root);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private static SubjectDefinition toDefinition(Map<String, Object> root) {
        Map<String, Object> region = map(root.get("region"));
        Map<String, Object> period = map(root.get("period"));
        Map<String, Object> measures = root.containsKey("measures") ? map(root.get("measures")) : null;
        List<FieldDefinition> fields = new ArrayList<>();
        for (Object item : list(root.get("fields"))) {
            Map<String, Object> f = map(item);
            fields.add(new FieldDefinition(text(f, "name"), text(f, "column"), FieldType.fromYaml(text(f, "type")),
                    Boolean.TRUE.equals(f.get("required")), strings(f.get("aliases")), text(f, "codelist"),
                    text(f, "unit"), text(f, "unit_field"), text(f, "end_column")));
        }
        List<IndicatorAliases> indicators = new ArrayList<>();
        for (Object item : list(root.get("indicators"))) {
            Map<String, Object> i = map(item);
            indicators.add(new IndicatorAliases(text(i, "code"), strings(i.get("aliases"))));
        }
        List<RuleDefinition> rules = new ArrayList<>();
        for (Object item : list(root.get("rules"))) {
            Map<String, Object> r = new java.util.LinkedHashMap<>(map(item));
            String id = text(r, "id");
            String kind = text(r, "kind");
            for (String key : List.of("id", "kind", "severity", "zh", "en")) {
                r.remove(key);
            }
            rules.add(new RuleDefinition(id, kind, r));
        }
        return new SubjectDefinition(text(root, "subject"), text(root, "name_zh"), text(root, "name_en"),
                text(root, "target"), strings(root.get("keywords")),
                new RegionSpec(text(region, "level"), text(region, "code_field"), text(region, "name_field"),
                        text(region, "parent_name_field"), text(region, "output")),
                text(period, "field"),
                measures == null ? null : new MeasureSpec(text(measures, "column"), text(measures, "dimension"),
                        text(measures, "indicator_field"), text(measures, "value_field"), text(measures, "unit_field")),
                fields, indicators, rules);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a mapping, found: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
