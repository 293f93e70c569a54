package org.ruralstat.read;

import org.ruralstat.subject.FieldDefinition;
import org.ruralstat.subject.HeaderAliasMatcher;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.text.Period;
import org.ruralstat.text.PeriodNormalizer;
import org.ruralstat.text.TextNormalizer;
import org.ruralstat.text.YearSpan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a sheet's header below its title rows, flattens a two-row merged header ("任职时间" over "起"/"止"
 * becomes 任职时间起, 任职时间止), and decides the subject by how many headers each subject's aliases
 * match; file and sheet names only break ties.
 */
public final class LayoutDetector {

    /** How many leading rows may hold titles and headers. */
    public static final int HEAD_ROWS = 30;
    private static final int MIN_MATCHED = 2;
    private static final Pattern TITLE_UNIT = Pattern.compile("(?<!填报|报送|填表|制表|报告)单位\\s*[:：]\\s*([^\\s,，;；)）]+)");

    private static final Pattern PERIOD_MARK = Pattern.compile(
            "(?:(?:19|20)\\d{2}(?:\\.0)?(?:年度?)?|[一二][〇零○九][〇零○一二三四五六七八九]{2}年度?|本年度?|上年度?|本期|上期|当年|今年|去年"
                    + "|上年同期|本年数|上年数|本期数|增长[%％]?|增减|增幅|增速|增长率|同比(?:增长)?[%％]?|比上年(?:增长)?[%％]?|[%％])"
                    + "(?:[（(][^）)]*[）)])?");

    private final List<HeaderAliasMatcher> matchers;

    public LayoutDetector(List<HeaderAliasMatcher> matchers) {
        this.matchers = List.copyOf(matchers);
    }

    /** The subject of that name, among those this detector recognises. */
    public Optional<SubjectDefinition> subject(String name) {
        return matchers.stream().map(HeaderAliasMatcher::subject).filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The layout of a sheet from its first rows, or why there is none.
     *
     * @param head the sheet's first non-empty rows (up to {@link #HEAD_ROWS})
     */
    public Detection detect(List<RawRow> head, String sheetName, String fileName, String submitterCode, boolean date1904) {
        Candidate best = null;
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).filledCells() < MIN_MATCHED) {
                continue;
            }
            List<String> single = texts(head.get(i));
            List<String> merged = i + 1 < head.size() && head.get(i + 1).rowNumber() == head.get(i).rowNumber() + 1
                    ? flatten(head.get(i), head.get(i + 1)) : null;
            for (HeaderAliasMatcher matcher : matchers) {
                Candidate one = candidate(matcher, single, head, i, i, sheetName, fileName);
                Candidate two = merged == null ? null : candidate(matcher, merged, head, i, i + 1, sheetName, fileName);
                Candidate better = two != null && (two.columns.size() > one.columns.size()
                        || two.columns.size() == one.columns.size() && isPeriodRow(head.get(i + 1))) ? two : one;
                if (best == null || better.compareTo(best) > 0) {
                    best = better;
                }
            }
        }
        if (best == null || best.columns.size() < MIN_MATCHED) {
            return Detection.unrecognized(headersOf(head));
        }
        if (!best.missing.isEmpty()) {
            return Detection.incomplete(best.matcher.subject(), best.missing, best.headers);
        }
        List<RawRow> above = head.subList(0, best.firstRow);
        Period period = titlePeriod(above).or(() -> PeriodNormalizer.findInName(sheetName))
                .or(() -> PeriodNormalizer.findInName(fileName)).orElse(null);
        YearSpan span = titleSpan(above).or(() -> PeriodNormalizer.findSpanInName(sheetName))
                .or(() -> PeriodNormalizer.findSpanInName(fileName)).orElse(null);
        SheetLayout layout = new SheetLayout(fileName, submitterCode, sheetName, best.matcher, best.columns,
                head.get(best.lastRow).rowNumber(), period, titleUnit(above), date1904, span, unbound(best, matchers));
        return Detection.found(layout, best.lastRow + 1);
    }

    private Candidate candidate(HeaderAliasMatcher matcher, List<String> headers, List<RawRow> head, int first, int last,
                                String sheetName, String fileName) {
        Map<Integer, HeaderBinding> columns = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (boolean exact : new boolean[]{true, false}) {
            for (int c = 0; c < headers.size(); c++) {
                if (columns.containsKey(c)) {
                    continue;
                }
                Optional<HeaderBinding> binding = exact ? matcher.matchExactly(headers.get(c)) : matcher.matchContained(headers.get(c));
                if (binding.isPresent()) {
                    if (seen.add(binding.get().key())) {
                        columns.put(c, binding.get());
                    }
                }
            }
        }
        List<String> missing = missing(matcher, columns);
        int keywordHits = (int) matcher.subject().keywords().stream()
                .filter(k -> fileName.contains(k) || sheetName.contains(k)
                        || TextNormalizer.toSimplified(fileName).contains(k)).count();
        return new Candidate(matcher, columns, missing, headers.stream().filter(h -> !h.isBlank()).toList(), headers,
                first, last, indicatorHits(matcher, columns, head.subList(last + 1, head.size())), keywordHits);
    }

    /**
     * The header cells of the chosen header rows that bind to nothing, each with the subject whose header it is, if
     * another subject's wording matches it exactly; a 序号 column is expected and not listed.
     */
    private static List<UnboundColumn> unbound(Candidate best, List<HeaderAliasMatcher> matchers) {
        List<UnboundColumn> unbound = new ArrayList<>();
        for (int c = 0; c < best.texts.size(); c++) {
            String header = best.texts.get(c);
            if (header.isBlank() || best.columns.containsKey(c) || isRowNumbering(header)) {
                continue;
            }
            SubjectDefinition other = matchers.stream().filter(m -> m != best.matcher)
                    .filter(m -> m.matchExactly(header).isPresent()).map(HeaderAliasMatcher::subject)
                    .findFirst().orElse(null);
            unbound.add(new UnboundColumn(c, header, best.matcher.kindOf(header), other));
        }
        return unbound;
    }

    private static boolean isRowNumbering(String header) {
        String key = TextNormalizer.matchKey(TextNormalizer.toSimplified(header));
        return key.equals("序号") || key.equals("序") || key.equals("编号") || key.equalsIgnoreCase("no");
    }

    private static Optional<YearSpan> titleSpan(List<RawRow> above) {
        for (RawRow row : above) {
            for (CellValue cell : row.cells()) {
                Optional<YearSpan> span = PeriodNormalizer.findSpanInName(cell.text());
                if (span.isPresent()) {
                    return span;
                }
            }
        }
        return Optional.empty();
    }

    /** In a long layout, how many of the first data rows name an indicator this subject knows. */
    private static int indicatorHits(HeaderAliasMatcher matcher, Map<Integer, HeaderBinding> columns, List<RawRow> below) {
        if (!matcher.subject().hasMeasures()) {
            return 0;
        }
        String indicatorField = matcher.subject().measures().indicatorField();
        return columns.entrySet().stream()
                .filter(e -> !e.getValue().isIndicator() && e.getValue().field().name().equals(indicatorField))
                .mapToInt(e -> (int) below.stream().filter(r -> matcher.indicator(r.text(e.getKey())).isPresent()).count())
                .findFirst().orElse(0);
    }

    private static List<String> missing(HeaderAliasMatcher matcher, Map<Integer, HeaderBinding> columns) {
        SubjectDefinition subject = matcher.subject();
        Set<String> bound = new LinkedHashSet<>();
        boolean wide = false;
        for (HeaderBinding binding : columns.values()) {
            if (binding.isIndicator()) {
                wide = true;
            } else {
                bound.add(binding.field().name());
            }
        }
        List<String> missing = new ArrayList<>();
        for (FieldDefinition field : matcher.requiredFields()) {
            if (!bound.contains(field.name())) {
                missing.add(field.aliases().get(0));
            }
        }
        var region = subject.region();
        if (!bound.contains(region.codeField()) && !bound.contains(region.nameField())) {
            missing.add(alias(subject, region.nameField()) + "/" + alias(subject, region.codeField()));
        }
        if (subject.hasMeasures() && !wide) {
            for (String field : List.of(subject.measures().indicatorField(), subject.measures().valueField())) {
                if (!bound.contains(field)) {
                    missing.add(alias(subject, field));
                }
            }
        }
        return missing;
    }

    private static String alias(SubjectDefinition subject, String field) {
        return subject.field(field).map(f -> f.aliases().get(0)).orElse(field);
    }

    /**
     * Whether a row under a header names only years and 本年/上年/增长 marks: the second row of a two-row header, never
     * a data row, even when it binds no more columns than the row above alone (本年 under a merged indicator).
     */
    static boolean isPeriodRow(RawRow row) {
        int marks = 0;
        for (CellValue cell : row.cells()) {
            String text = TextNormalizer.toSimplified(TextNormalizer.clean(cell.text())).replace(" ", "");
            if (text.isEmpty()) {
                continue;
            }
            if (!PERIOD_MARK.matcher(text).matches()) {
                return false;
            }
            marks++;
        }
        return marks > 0;
    }

    /** Two header rows as one: a parent spans (by merge or by blank cells) the children below it. */
    static List<String> flatten(RawRow top, RawRow bottom) {
        int width = Math.max(top.cells().size(), bottom.cells().size());
        List<String> headers = new ArrayList<>(width);
        String parent = "";
        for (int c = 0; c < width; c++) {
            String upper = TextNormalizer.clean(top.text(c));
            String lower = TextNormalizer.clean(bottom.text(c));
            if (!upper.isEmpty()) {
                parent = upper;
            } else if (lower.isEmpty()) {
                parent = "";
            }
            if (lower.isEmpty()) {
                headers.add(upper);
            } else {
                headers.add(upper.isEmpty() ? parent + lower : upper + lower);
            }
        }
        return headers;
    }

    private static List<String> texts(RawRow row) {
        return row.cells().stream().map(c -> TextNormalizer.clean(c.text())).toList();
    }

    private static List<String> headersOf(List<RawRow> head) {
        return head.stream().max(Comparator.comparingLong(RawRow::filledCells))
                .map(r -> texts(r).stream().filter(t -> !t.isEmpty()).limit(20).toList()).orElse(List.of());
    }

    private static Optional<Period> titlePeriod(List<RawRow> above) {
        for (RawRow row : above) {
            for (CellValue cell : row.cells()) {
                Optional<Period> period = PeriodNormalizer.findInName(cell.text());
                if (period.isPresent()) {
                    return period;
                }
            }
        }
        return Optional.empty();
    }

    private static String titleUnit(List<RawRow> above) {
        for (RawRow row : above) {
            for (CellValue cell : row.cells()) {
                Matcher m = TITLE_UNIT.matcher(TextNormalizer.toSimplified(TextNormalizer.clean(cell.text())));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return "";
    }

    private record Candidate(HeaderAliasMatcher matcher, Map<Integer, HeaderBinding> columns, List<String> missing,
                             List<String> headers, List<String> texts, int firstRow, int lastRow, int indicatorHits,
                             int keywordHits) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate other) {
            return Comparator.comparing((Candidate c) -> c.missing.isEmpty() && c.columns.size() >= MIN_MATCHED)
                    .thenComparingInt(c -> c.columns.size())
                    .thenComparingInt(c -> c.indicatorHits)
                    .thenComparingInt(c -> c.keywordHits)
                    .thenComparingInt(c -> -c.firstRow)
                    .compare(this, other);
        }
    }

    /**
     * The outcome of detection: a layout with the index of the first data row in the head list, or
     * the subject it looked like and what it lacked, or nothing recognizable.
     */
    public record Detection(SheetLayout layout, int firstDataIndex, SubjectDefinition lookedLike,
                            List<String> missing, List<String> headers) {

        static Detection found(SheetLayout layout, int firstDataIndex) {
            return new Detection(layout, firstDataIndex, layout.subject(), List.of(), List.of());
        }

        static Detection incomplete(SubjectDefinition subject, List<String> missing, List<String> headers) {
            return new Detection(null, -1, subject, List.copyOf(missing), List.copyOf(headers));
        }

        static Detection unrecognized(List<String> headers) {
            return new Detection(null, -1, null, List.of(), List.copyOf(headers));
        }

        public boolean isFound() {
            return layout != null;
        }
    }
}
