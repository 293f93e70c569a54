package org.ruralstat.subject;

import org.ruralstat.reference.UnitCatalog;
import org.ruralstat.text.BoundedMemo;
import org.ruralstat.text.Period;
import org.ruralstat.text.TextNormalizer;

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
    private static final java.util.Set<String> BARE_PREVIOUS = java.util.Set.of("上年", "上年数", "上年同期", "上年同期数",
            "上年度", "去年", "上年值");

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
        if (header == null || !hasLetter(header) && !isYear(header)) {
            return Optional.empty();
        }
        return exactly.get(header, this::matchExactlyOnce);
    }

    private Optional<HeaderBinding> matchExactlyOnce(String header) {
        HeaderText text = parse(header);
        if (text.kind() == HeaderText.Kind.PREVIOUS_YEAR) {
            return previousYearColumn(header, text);
        }
        if (text.kind() != HeaderText.Kind.VALUE) {
            return Optional.empty();
        }
        if (text.isYearOnly()) {
            return yearColumn(header, text);
        }
        FieldDefinition field = fieldsByAlias.get(text.key());
        if (field != null) {
            return Optional.of(new HeaderBinding(field, null, header, text.unit(), periodOf(field, text)));
        }
        String indicator = indicatorsByAlias.get(text.key());
        if (indicator != null && subject.hasMeasures()) {
            return Optional.of(new HeaderBinding(null, indicator, header, text.unit(), periodOf(null, text)));
        }
        return Optional.empty();
    }

    /**
     * A header that is only a year (`2021年`, `2021`) holds the values of that year: in a measure subject, the value
     * column of a long layout with one column per year.
     */
    private Optional<HeaderBinding> yearColumn(String header, HeaderText text) {
        if (!subject.hasMeasures() || text.year() < 1949 || text.year() > 2100) {
            return Optional.empty();
        }
        return subject.field(subject.measures().valueField())
                .map(value -> new HeaderBinding(value, null, header, text.unit(), Period.ofYear(text.year())));
    }

    /**
     * A 上年 column of a measure subject: last year's figure of an indicator (`村集体经济收入（万元）上年`) or, alone, of
     * the long layout's value (`上年`, `上年数`). It is checked against the published figure, never loaded as a fact.
     */
    private Optional<HeaderBinding> previousYearColumn(String header, HeaderText text) {
        if (!subject.hasMeasures() || text.year() != null) {
            return Optional.empty();
        }
        String indicator = indicatorsByAlias.get(text.key());
        if (indicator != null) {
            return Optional.of(new HeaderBinding(null, indicator, header, text.unit(), null, true));
        }
        if (BARE_PREVIOUS.contains(text.key())) {
            return subject.field(subject.measures().valueField())
                    .map(value -> new HeaderBinding(value, null, header, text.unit(), null, true));
        }
        return Optional.empty();
    }

    /** The year a measure column is for; fields other than the value keep the row's period. */
    private Period periodOf(FieldDefinition field, HeaderText text) {
        if (text.year() == null || !subject.hasMeasures() || text.year() < 1949 || text.year() > 2100) {
            return null;
        }
        boolean measure = field == null || field.name().equals(subject.measures().valueField());
        return measure ? Period.ofYear(text.year()) : null;
    }

    /** What a header says its column holds besides its words: a value, last year's value, or a derived figure. */
    public HeaderText.Kind kindOf(String header) {
        return header == null ? HeaderText.Kind.VALUE : parse(header).kind();
    }

    private static boolean isYear(String header) {
        String text = header.strip();
        if (text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        return text.length() == 4 && (text.startsWith("19") || text.startsWith("20")) && text.chars().allMatch(Character::isDigit);
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
        if (text.kind() != HeaderText.Kind.VALUE || text.key().isEmpty()) {
            return Optional.empty();
        }
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
            return Optional.of(new HeaderBinding(field, null, header, text.unit(), periodOf(field, text)));
        }
        return found == null ? Optional.empty()
                : Optional.of(new HeaderBinding(null, (String) found, header, text.unit(), periodOf(null, text)));
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
