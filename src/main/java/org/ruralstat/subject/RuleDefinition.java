package org.ruralstat.subject;

import java.util.List;
import java.util.Map;

/**
 * A rule a subject declares in its YAML: what kind of check, on which fields, with which bounds. Its id,
 * severity and messages live in the same entry and reach {@code etl_issue} unchanged.
 *
 * @param kind   range, compare, unit_fits, birth_matches_id (row rules, checked as rows are read);
 *               unique, not_above, year_on_year, overlapping_postings, total_matches, prior_year_revision (set rules, SQL over staging)
 * @param params the kind's parameters as written (field names, bounds, indicator codes)
 */
public record RuleDefinition(String id, String kind, Map<String, Object> params) {

    public RuleDefinition {
        params = Map.copyOf(params);
    }

    public boolean isSetRule() {
        return switch (kind) {
            case "unique", "not_above", "year_on_year", "overlapping_postings", "total_matches", "prior_year_revision" -> true;
            default -> false;
        };
    }

    public String text(String key) {
        Object value = params.get(key);
        return value == null ? null : value.toString();
    }

    public Double number(String key) {
        Object value = params.get(key);
        return value == null ? null : value instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(value.toString());
    }

    public List<String> list(String key) {
        Object value = params.get(key);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(value.toString());
    }
}
