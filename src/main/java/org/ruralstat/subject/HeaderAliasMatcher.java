package org.ruralstat.subject;

import org.ruralstat.normalize.BoundedMemo;
import org.ruralstat.normalize.TextNormalizer;
import org.ruralstat.normalize.UnitCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches header texts against a subject's aliases: simplified or traditional, with or without a unit,
 * full- or half-width brackets, line breaks and numbering ignored.
 */
public final class HeaderAliasMatcher {

    private static final int MEMORY_LIMIT = 20_000;

    private final SubjectDefinition subject;
    private final UnitCatalog units;
    private final Map<String, FieldDefinition> fieldsByAlias = new HashMap<>();
    private final Map<String, String> indicatorsByAlias = new HashMap<>();
    private final List<Map.Entry<String, Object>> aliasesLongestFirst = new ArrayList<>();
    /*
     * Header texts repeat from file to file, and layout detection asks about every cell of the first rows several
     * times; long layouts ask about each data row's indicator. What a text means is worked out once (up to a limit).
     */
    private final BoundedMemo<String, HeaderText> parsed = new BoundedMemo<>(MEMORY_LIMIT);
    private final BoundedMemo<String, Optional<HeaderBinding>> exactly = new BoundedMemo<>(MEMORY_LIMIT);
    private final BoundedMemo<String, Optional<HeaderBinding>> contained = new BoundedMemo<>(MEMORY_LIMIT);

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
        fieldsByAlias.forEach((alias, field) -> aliasesLongestFirst.add(Map.entry(alias, field)));
        if (subject.hasMeasures()) {
            indicatorsByAlias.forEach((alias, code) -> aliasesLongestFirst.add(Map.entry(alias, code)));
        }
        aliasesLongestFirst.removeIf(e -> e.getKey().length() < 2);
        aliasesLongestFirst.sort(Comparator.comparingInt((Map.Entry<String, Object> e) -> -e.getKey().length()));
    }

    public SubjectDefinition subject() {
        return subject;
    }

    /** What the header means in this subject: an exact alias first, else the longest alias it contains. */
    public Optional<HeaderBinding> match(String header) {
        return matchExactly(header).or(() -> matchContained(header));
    }

    /** What the header means when it is exactly an alias (units, brackets, numbering and script aside). */
    public Optional<HeaderBinding> matchExactly(String header) {
        if (header == null || !hasLetter(header)) {
            return Optional.empty();
        }
        return exactly.get(header, this::matchExactlyOnce);
    }

    private Optional<HeaderBinding> matchExactlyOnce(String header) {
        HeaderText text = parse(header);
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

    /**
     * The field of the longest alias the header contains (`驻村第一书记姓名` holds 姓名, `项目总投资（万元）` holds
     * 总投资); none when two different fields tie for longest.
     */
    public Optional<HeaderBinding> matchContained(String header) {
        if (header == null || !hasLetter(header)) {
            return Optional.empty();
        }
        return contained.get(header, this::matchContainedOnce);
    }

    private Optional<HeaderBinding> matchContainedOnce(String header) {
        HeaderText text = parse(header);
        Object found = null;
        int length = 0;
        for (Map.Entry<String, Object> alias : aliasesLongestFirst) {
            if (alias.getKey().length() < length) {
                break;
            }
            if (text.key().contains(alias.getKey())) {
                if (found != null && !found.equals(alias.getValue())) {
                    return Optional.empty();
                }
                found = alias.getValue();
                length = alias.getKey().length();
            }
        }
        if (found instanceof FieldDefinition field) {
            return Optional.of(new HeaderBinding(field, null, header, text.unit()));
        }
        return found == null ? Optional.empty() : Optional.of(new HeaderBinding(null, (String) found, header, text.unit()));
    }

    /** The indicator a long layout's cell names, if the subject knows it. */
    public Optional<String> indicator(String written) {
        return Optional.ofNullable(indicatorsByAlias.get(parse(written).key()));
    }

    /** The unit a long layout's indicator cell carries, e.g. `农村居民人均可支配收入（元）`. */
    public String unitIn(String written) {
        return parse(written).unit();
    }

    /**
     * Every alias has a letter (a Chinese character or a Latin one), so a cell without one, a number or a date of a
     * data row that layout detection asks about, cannot name a field or an indicator.
     */
    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private HeaderText parse(String header) {
        return parsed.get(header, h -> HeaderText.parse(h, units));
    }

    public List<FieldDefinition> requiredFields() {
        return subject.fields().stream().filter(FieldDefinition::required).toList();
    }
}
