package org.ruralstat.read;

import java.util.Map;

/**
 * A problem with a sheet or the whole file, in the reader's own terms: the rule it breaks, where, and the values
 * its message needs. Validation turns it into a finding with the rule's severity and wording.
 */
public record FileProblem(String rule, Location at, Map<String, String> params) {

    public FileProblem {
        if (rule == null || at == null) {
            throw new IllegalArgumentException("a file problem needs a rule and a place");
        }
        params = Map.copyOf(params);
    }
}
