package org.ruralstat.reference;

import java.util.Map;
import java.util.Set;

/**
 * The reference data rows are checked against, loaded once from {@code seeds/}.
 *
 * @param indicatorUnits     canonical unit of each indicator code
 * @param projectTypeUnits   the canonical quantity units each project type may be measured in
 * @param indicatorAlsoUnits units an indicator accepts besides those of its dimension (公益岗位 counted in 个 or 岗),
 *                           from {@code seeds/indicator_units.csv}
 */
public record ReferenceData(RegionDirectory regions, UnitCatalog units, CodeListCatalog codeLists,
                            Map<String, String> indicatorUnits, Map<String, Set<String>> projectTypeUnits,
                            Map<String, Set<String>> indicatorAlsoUnits) {

    public ReferenceData {
        indicatorUnits = Map.copyOf(indicatorUnits);
        projectTypeUnits = Map.copyOf(projectTypeUnits);
        indicatorAlsoUnits = Map.copyOf(indicatorAlsoUnits);
    }

    public ReferenceData(RegionDirectory regions, UnitCatalog units, CodeListCatalog codeLists,
                         Map<String, String> indicatorUnits, Map<String, Set<String>> projectTypeUnits) {
        this(regions, units, codeLists, indicatorUnits, projectTypeUnits, Map.of());
    }

    /** The units an indicator accepts besides those of its own dimension; empty when none. */
    public Set<String> alsoAccepted(String indicator) {
        return indicatorAlsoUnits.getOrDefault(indicator, Set.of());
    }
}
