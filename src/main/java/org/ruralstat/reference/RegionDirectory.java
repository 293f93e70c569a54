package org.ruralstat.reference;

import org.ruralstat.text.BoundedMemo;
import org.ruralstat.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every region of {@code seeds/regions.csv}, found by code or by name inside a submitter's jurisdiction:
 * village names within a county, township + village, and short forms (`汪清`, `延边州`).
 */
public final class RegionDirectory {

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, List<Region>> byFullName = new HashMap<>();
    private final Map<String, List<Region>> byShortName = new HashMap<>();
    private final Map<String, List<String>> successors = new HashMap<>();
    /** Rows repeat their regions (every cadre of a village, every year of a county): each writing is resolved once. */
    private final BoundedMemo<Written, RegionMatch> resolved = new BoundedMemo<>(100_000);

    public RegionDirectory(Collection<Region> regions) {
        this(regions, List.of());
    }

    /**
     * @param changes rows of {@code seeds/region_changes.csv}: a retired code and one of its successors
     */
    public RegionDirectory(Collection<Region> regions, List<Map<String, String>> changes) {
        for (Map<String, String> change : changes) {
            String retired = change.get("retired_code");
            String successor = change.get("successor_code");
            if (retired != null && successor != null && !retired.equals(successor)) {
                successors.computeIfAbsent(retired, k -> new ArrayList<>(1)).add(successor);
            }
        }
        for (Region region : regions) {
            byCode.put(region.code(), region);
            for (String key : RegionNames.fullKeys(region.name())) {
                byFullName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(region);
            }
            byShortName.computeIfAbsent(RegionNames.shortKey(region.name()), k -> new ArrayList<>(1)).add(region);
        }
    }

    public int size() {
        return byCode.size();
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    /**
     * Resolves a region from a written code and/or names. A code wins when given; names are looked up
     * inside the submitter's jurisdiction, narrowed by the parent name (a township or county) when given.
     *
     * @param level village, township, county, prefecture, province, or any
     */
    public RegionMatch resolve(String code, String name, String parentName, String level, String submitterCode) {
        return resolved.get(new Written(code, name, parentName, level, submitterCode),
                written -> resolveUncached(code, name, parentName, level, submitterCode));
    }

    RegionMatch resolveUncached(String code, String name, String parentName, String level, String submitterCode) {
        if (code != null && !code.isBlank()) {
            return resolveCode(code.trim(), level, submitterCode);
        }
        if (name == null || name.isBlank()) {
            return RegionMatch.of(RegionMatch.Outcome.NOT_FOUND, List.of());
        }
        Predicate<Region> inScope = r -> r.isWithin(submitterCode) && levelFits(r, level);
        List<Region> candidates = highestIfShortForm(name, narrow(lookup(name, inScope), parentName), level);
        if (candidates.size() == 1) {
            return RegionMatch.found(candidates.get(0));
        }
        if (!candidates.isEmpty()) {
            return RegionMatch.of(RegionMatch.Outcome.AMBIGUOUS, sorted(candidates));
        }
        List<Region> joined = splitJoinedName(name, inScope);
        if (joined.size() == 1) {
            return RegionMatch.found(joined.get(0));
        }
        if (joined.size() > 1) {
            return RegionMatch.of(RegionMatch.Outcome.AMBIGUOUS, sorted(joined));
        }
        List<Region> elsewhere = lookup(name, r -> levelFits(r, level));
        return elsewhere.isEmpty()
                ? RegionMatch.of(RegionMatch.Outcome.NOT_FOUND, List.of())
                : RegionMatch.of(RegionMatch.Outcome.OUTSIDE_JURISDICTION, sorted(elsewhere).subList(0, Math.min(5, elsewhere.size())));
    }

    private RegionMatch resolveCode(String code, String level, String submitterCode) {
        if (TextNormalizer.isScientificNotation(code)) {
            return RegionMatch.of(RegionMatch.Outcome.LOST_DIGITS, List.of());
        }
        String digits = code.endsWith(".0") ? code.substring(0, code.length() - 2) : code;
        Region region = byCode.get(digits);
        String retired = null;
        if (region == null && digits.length() == 6 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            List<Region> current = currentSuccessors(digits, 0);
            if (current.size() > 1) {
                return RegionMatch.of(RegionMatch.Outcome.AMBIGUOUS, sorted(current));
            }
            if (current.size() == 1) {
                region = current.get(0);
                retired = digits;
            }
        }
        if (region == null) {
            return RegionMatch.of(RegionMatch.Outcome.NOT_FOUND, List.of());
        }
        if (!region.isWithin(submitterCode)) {
            return RegionMatch.of(RegionMatch.Outcome.OUTSIDE_JURISDICTION, List.of(region));
        }
        if (!levelFits(region, level)) {
            return RegionMatch.of(RegionMatch.Outcome.WRONG_LEVEL, List.of(region));
        }
        return retired == null ? RegionMatch.found(region) : RegionMatch.retired(region, retired);
    }

    /** The regions in force that a retired code became, following chains of changes (扶余县 → 扶余市 → …). */
    private List<Region> currentSuccessors(String code, int depth) {
        List<String> next = successors.get(code);
        if (next == null || depth > 10) {
            return List.of();
        }
        List<Region> current = new ArrayList<>();
        for (String successor : next) {
            Region region = byCode.get(successor);
            if (region != null) {
                current.add(region);
            } else {
                current.addAll(currentSuccessors(successor, depth + 1));
            }
        }
        return current.stream().distinct().toList();
    }

    private List<Region> lookup(String name, Predicate<Region> filter) {
        List<Region> exact = filter(byFullName.get(TextNormalizer.matchKey(name)), filter);
        if (!exact.isEmpty()) {
            return exact;
        }
        return filter(byShortName.get(RegionNames.shortKey(name)), filter);
    }

    /**
     * A name written with the places above it run together (`月晴镇笠峰村`, `汪清县天桥岭镇新兴村`): the longest
     * leading part that names a county or township in scope, then the rest looked up below it.
     */
    private List<Region> splitJoinedName(String name, Predicate<Region> inScope) {
        String key = TextNormalizer.matchKey(name);
        for (int cut = key.length() - 2; cut >= 2; cut--) {
            String head = key.substring(0, cut);
            String rest = key.substring(cut);
            List<Region> parents = lookup(head, r -> r.level().equals("township") || r.level().equals("county"));
            for (Region parent : parents) {
                String prefix = parent.level().equals("county") ? parent.code() : parent.code().substring(0, 9);
                List<Region> below = lookup(rest, r -> inScope.test(r) && r.code().startsWith(prefix));
                if (below.isEmpty() && parent.level().equals("county")) {
                    below = splitJoinedName(rest, r -> inScope.test(r) && r.code().startsWith(prefix));
                }
                if (!below.isEmpty()) {
                    return below;
                }
            }
        }
        return List.of();
    }

    private List<Region> narrow(List<Region> candidates, String parentName) {
        if (candidates.size() <= 1 || parentName == null || parentName.isBlank()) {
            return candidates;
        }
        String full = TextNormalizer.matchKey(parentName);
        String shortKey = RegionNames.shortKey(parentName);
        // A full name wins over a short form: 汪清镇 is one town, while its short form 汪清 is also the county's.
        List<Region> narrowed = candidates.stream().filter(r -> ancestors(r).stream().anyMatch(a ->
                RegionNames.fullKeys(a.name()).contains(full))).toList();
        if (narrowed.isEmpty()) {
            narrowed = candidates.stream().filter(r -> ancestors(r).stream().anyMatch(a ->
                    RegionNames.shortKey(a.name()).equals(shortKey))).toList();
        }
        return narrowed.isEmpty() ? candidates : narrowed;
    }

    /** A short form at any level means the highest region it names: 汪清 is 汪清县, not 汪清镇 or 汪清村. */
    private List<Region> highestIfShortForm(String name, List<Region> candidates, String level) {
        if (candidates.size() <= 1 || !(level == null || level.equals("any"))
                || candidates.stream().anyMatch(r -> RegionNames.fullKeys(r.name()).contains(TextNormalizer.matchKey(name)))) {
            return candidates;
        }
        int top = candidates.stream().mapToInt(r -> LEVELS.indexOf(r.level())).min().orElse(-1);
        List<Region> highest = candidates.stream().filter(r -> LEVELS.indexOf(r.level()) == top).toList();
        return highest.size() == 1 ? highest : candidates;
    }

    private static final List<String> LEVELS = List.of("province", "prefecture", "county", "township", "village");

    /** The regions above this one, nearest first. */
    public List<Region> ancestors(Region region) {
        List<Region> ancestors = new ArrayList<>(4);
        Region current = region;
        while (current.parentCode() != null && !current.parentCode().isEmpty()) {
            current = byCode.get(current.parentCode());
            if (current == null) {
                break;
            }
            ancestors.add(current);
        }
        return ancestors;
    }

    /** The name of a region with its township (and county) before it, for messages: 月晴镇笠峰村委会. */
    public String describe(Region region) {
        StringBuilder text = new StringBuilder(region.name());
        for (Region ancestor : ancestors(region)) {
            if (ancestor.level().equals("prefecture") || ancestor.level().equals("province")) {
                break;
            }
            text.insert(0, ancestor.name());
        }
        return text + "（" + region.code() + "）";
    }

    private static boolean levelFits(Region region, String level) {
        return level == null || level.equals("any") || region.level().equals(level);
    }

    private static List<Region> filter(List<Region> regions, Predicate<Region> filter) {
        return regions == null ? List.of() : regions.stream().filter(filter).toList();
    }

    private static List<Region> sorted(List<Region> regions) {
        return regions.stream().sorted(Comparator.comparing(Region::code)).toList();
    }

    /** A region as a row writes it, with the submitter and level that scope its resolution. */
    private record Written(String code, String name, String parentName, String level, String submitterCode) {
    }
}
