package org.ruralstat.subject;

import java.util.List;
import java.util.Optional;

/**
 * One subject of returns (cadres, income, employment, sanitation) as declared in {@code jobs/<subject>.yml}:
 * its fields and header aliases, where its region and period are, and the table its facts go to.
 */
public record SubjectDefinition(String name, String nameZh, String nameEn, String target, List<String> keywords,
                                RegionSpec region, String periodField, MeasureSpec measures,
                                List<FieldDefinition> fields, List<IndicatorAliases> indicators, List<RuleDefinition> rules) {

    public SubjectDefinition {
        if (name == null || !name.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("subject name must be lower-case letters: " + name);
        }
        if (target == null || !target.matches("fact_[a-z_]+")) {
            throw new IllegalArgumentException("subject " + name + ": target must be a fact_ table");
        }
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        fields = List.copyOf(fields);
        indicators = List.copyOf(indicators == null ? List.of() : indicators);
        rules = List.copyOf(rules == null ? List.of() : rules);
        long distinct = fields.stream().map(FieldDefinition::name).distinct().count();
        if (distinct != fields.size()) {
            throw new IllegalArgumentException("subject " + name + " declares a field twice");
        }
        for (String ref : new String[]{region.codeField(), region.nameField(), region.parentNameField(), periodField}) {
            if (ref != null && fields.stream().noneMatch(f -> f.name().equals(ref))) {
                throw new IllegalArgumentException("subject " + name + " refers to undeclared field " + ref);
            }
        }
        if (measures != null && indicators.isEmpty()) {
            throw new IllegalArgumentException("subject " + name + " has measures but no indicators");
        }
    }

    public Optional<FieldDefinition> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public List<RuleDefinition> setRules() {
        return rules.stream().filter(RuleDefinition::isSetRule).toList();
    }

    public boolean hasMeasures() {
        return measures != null;
    }

    /** The staging table rows wait in before publishing: {@code stg_} plus the fact table's grain. */
    public String stagingTable() {
        return "stg_" + target.substring("fact_".length());
    }
}
