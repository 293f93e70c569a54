package org.ruralstat.subject;

import org.ruralstat.normalize.TextNormalizer;
import org.ruralstat.normalize.UnitCatalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches header texts against a subject's aliases: simplified or traditional, with or without a unit,
 * full- or half-width brackets, line breaks and numbering ignored.
 */
public final class HeaderAliasMatcher {

    private final SubjectDefinition subject;
    private final UnitCatalog units;
    private final Map<String, FieldDefinition> fieldsByAlias = new HashMap<>();
    private final Map<String, String> indicatorsByAlias = new HashMap<>();

    public HeaderAliasMatcher(SubjectDefinition subject, UnitCatalog units) {
        this.subject = subject;
        this.units = units;
        for (FieldDefinition field : subject.fields()) {
            for (String alias : field.aliases()) {
                fieldsByAlias.putIfAbsent(TextNormalizer.matchKey(alias), field);
            }
        }
        for (IndicatorAliases indicator : subject.indicators()) {
            indicatorsByAlias.put(TextNormalizer.matchKey(indicator.code()), indicator.code());
            for (String alias : indicator.aliases()) {
                indicatorsByAlias.putIfAbsent(TextNormalizer.matchKey(alias), indicator.code());
            }
        }
    }

    public SubjectDefinition subject() {
        return subject;
    }

    /** What the header means in this subject, if anything. */
    public Optional<HeaderBinding> match(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        HeaderText text = HeaderText.parse(header, units);
        FieldDefinition field = fieldsByAlias.get(text.key());
        if (field != null) {
            return Optional.of(new HeaderBinding(field, null, header, text.unit()));
        }
        String indicator = indicatorsByAlias.get(text.key());
        if (indicator != null && subject.hasMeasures()) {
            return Optional.of(new HeaderBinding(null, indicator, header, text.unit()));
        }
        return Optional.empty();
    }

    /** The indicator a long layout's cell names, if the subject knows it. */
    public Optional<String> indicator(String written) {
        return Optional.ofNullable(indicatorsByAlias.get(HeaderText.parse(written, units).key()));
    }

    /** The unit a long layout's indicator cell carries, e.g. `农村居民人均可支配收入（元）`. */
    public String unitIn(String written) {
        return HeaderText.parse(written, units).unit();
    }

    public List<FieldDefinition> requiredFields() {
        return subject.fields().stream().filter(FieldDefinition::required).toList();
    }
}
