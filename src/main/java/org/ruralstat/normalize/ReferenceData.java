package org.ruralstat.normalize;

import java.util.Map;

/**
 * The reference data rows are checked against, loaded once from {@code seeds/}.
 *
 * @param indicatorUnits canonical unit of each indicator code
 */
public record ReferenceData(RegionDirectory regions, UnitCatalog units, CodeListCatalog codeLists,
                            Map<String, String> indicatorUnits) {

    public ReferenceData {
        indicatorUnits = Map.copyOf(indicatorUnits);
    }
}
