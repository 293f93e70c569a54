package org.ruralstat.normalize;

import java.util.Map;
import java.util.Set;

/**
 * The reference data rows are checked against, loaded once from {@code seeds/}.
 *
 * @param indicatorUnits     canonical unit of each indicator code
 * @param projectTypeUnits   the canonical quantity units each project type may be measured in
 */
public record ReferenceData(RegionDirectory regions, UnitCatalog units, CodeListCatalog codeLists,
                            Map<String, String> indicatorUnits, Map<String, Set<String>> projectTypeUnits) {

    public ReferenceData {
        indicatorUnits = Map.copyOf(indicatorUnits);
        projectTypeUnits = Map.copyOf(projectTypeUnits);
    }
}
