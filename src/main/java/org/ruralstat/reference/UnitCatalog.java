package org.ruralstat.reference;

import org.ruralstat.text.TextNormalizer;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units of {@code seeds/units.csv}, found by how a return writes them: `万元`, `（元）`, `公里`,
 * `延长米`, `万人`; a 万/亿/千 prefix before any known unit multiplies it.
 */
public final class UnitCatalog {

    private static final Map<Character, BigDecimal> PREFIXES = Map.of(
            '万', BigDecimal.valueOf(10_000), '亿', BigDecimal.valueOf(100_000_000),
            '千', BigDecimal.valueOf(1_000), '百', BigDecimal.valueOf(100));

    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, java.util.Set<String>> namesByDimension = new HashMap<>();

    public UnitCatalog(List<Map<String, String>> rows) {
        for (Map<String, String> row : rows) {
            if (!row.get("unit").matches("[A-Za-z0-9²/ ]+")) {
                namesByDimension.computeIfAbsent(row.get("dimension"), d -> new java.util.TreeSet<>()).add(row.get("unit"));
            }
            units.put(TextNormalizer.matchKey(row.get("unit")),
                    new Unit(row.get("dimension"), row.get("canonical_unit"), new BigDecimal(row.get("factor"))));
        }
    }

    /** The Chinese names of a dimension's units (元, 万元 …), for messages that say what may be written. */
    public java.util.Set<String> namesOf(String dimension) {
        return namesByDimension.getOrDefault(dimension, java.util.Set.of());
    }

    /** The unit written in the text, or empty when it is not a known unit. */
    public Optional<Unit> find(String written) {
        String key = TextNormalizer.matchKey(written);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Unit unit = units.get(key);
        if (unit != null) {
            return Optional.of(unit);
        }
        BigDecimal prefix = PREFIXES.get(key.charAt(0));
        if (prefix != null && key.length() > 1) {
            return find(key.substring(1)).map(u -> new Unit(u.dimension(), u.canonical(), u.factor().multiply(prefix)));
        }
        return Optional.empty();
    }

    /** A bare multiplier written without a unit (`万`, `亿`), when the text is only that. */
    public static Optional<BigDecimal> multiplier(String written) {
        String key = TextNormalizer.matchKey(written);
        return key.length() == 1 ? Optional.ofNullable(PREFIXES.get(key.charAt(0))) : Optional.empty();
    }
}
