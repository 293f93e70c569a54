package org.ruralstat.validate;

import org.ruralstat.read.FileProblem;
import org.ruralstat.read.Location;
import org.ruralstat.text.PersonalDataMasker;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every rule by id, and the one place findings get their messages. */
public final class RuleCatalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Map<String, Rule> rules = new HashMap<>();

    public void addAll(String sourceName, InputStream yaml) throws IOException {
        try (yaml) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            Object section = root == null ? null : root.get("rules");
            if (section instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    add(sourceName, String.valueOf(entry.getKey()), (Map<?, ?>) entry.getValue());
                }
            } else if (section instanceof List<?> list) {
                for (Object item : list) {
                    Map<?, ?> body = (Map<?, ?>) item;
                    add(sourceName, String.valueOf(body.get("id")), body);
                }
            }
        }
    }

    private void add(String sourceName, String id, Map<?, ?> body) {
        Object severity = body.get("severity");
        if (severity == null || body.get("zh") == null || body.get("en") == null) {
            throw new IllegalArgumentException(sourceName + ": rule " + id + " needs a severity, zh and en");
        }
        Rule rule = new Rule(id, Severity.valueOf(String.valueOf(severity).toUpperCase(Locale.ROOT)),
                String.valueOf(body.get("zh")), String.valueOf(body.get("en")));
        if (rules.put(rule.id(), rule) != null) {
            throw new IllegalArgumentException(sourceName + ": rule " + rule.id() + " is declared twice");
        }
    }

    public Rule rule(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no such rule: " + id);
        }
        return rule;
    }

    /** The finding of a problem the reader met with a sheet or the whole file. */
    public Finding finding(FileProblem problem) {
        return finding(problem.rule(), problem.at(), problem.params());
    }

    /** A finding of the rule at a location; values in messages are scrubbed of ID and phone numbers. */
    public Finding finding(String id, Location at, Map<String, String> params) {
        Rule rule = rule(id);
        Map<String, String> values = new HashMap<>(params);
        if (at.column() != null) {
            values.putIfAbsent("column", PersonalDataMasker.scrub(at.column()));
        }
        if (at.rawValue() != null) {
            values.putIfAbsent("value", PersonalDataMasker.scrub(at.rawValue()));
        }
        return new Finding(at.sheet(), at.rowNumber(), PersonalDataMasker.scrub(at.column()),
                at.cellRef(), PersonalDataMasker.scrub(at.rawValue()),
                id, rule.severity(), render(rule.zh(), values), render(rule.en(), values));
    }

    private static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(PersonalDataMasker.scrub(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
