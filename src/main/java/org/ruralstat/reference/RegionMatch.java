package org.ruralstat.reference;

import java.util.List;

/**
 * The outcome of resolving a region written in a return: one region, none, or several candidates.
 *
 * @param retiredCode the code as written when it was retired and {@code region} is its successor, else null
 */
public record RegionMatch(Region region, List<Region> candidates, Outcome outcome, String retiredCode) {

    /** How a written region resolved. */
    public enum Outcome { FOUND, NOT_FOUND, AMBIGUOUS, OUTSIDE_JURISDICTION, WRONG_LEVEL, LOST_DIGITS }

    public RegionMatch {
        candidates = List.copyOf(candidates);
    }

    static RegionMatch found(Region region) {
        return new RegionMatch(region, List.of(region), Outcome.FOUND, null);
    }

    /** Found through a retired code that the region now in force replaced. */
    static RegionMatch retired(Region region, String retiredCode) {
        return new RegionMatch(region, List.of(region), Outcome.FOUND, retiredCode);
    }

    static RegionMatch of(Outcome outcome, List<Region> candidates) {
        return new RegionMatch(null, candidates, outcome, null);
    }

    public boolean isFound() {
        return outcome == Outcome.FOUND;
    }
}
