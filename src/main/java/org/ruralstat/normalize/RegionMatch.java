package org.ruralstat.normalize;

import java.util.List;

/**
 * The outcome of resolving a region written in a return: one region, none, or several candidates.
 */
public record RegionMatch(Region region, List<Region> candidates, Outcome outcome) {

    /** How a written region resolved. */
    public enum Outcome { FOUND, NOT_FOUND, AMBIGUOUS, OUTSIDE_JURISDICTION, WRONG_LEVEL, LOST_DIGITS }

    public RegionMatch {
        candidates = List.copyOf(candidates);
    }

    static RegionMatch found(Region region) {
        return new RegionMatch(region, List.of(region), Outcome.FOUND);
    }

    static RegionMatch of(Outcome outcome, List<Region> candidates) {
        return new RegionMatch(null, candidates, outcome);
    }

    public boolean isFound() {
        return outcome == Outcome.FOUND;
    }
}
