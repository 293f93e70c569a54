package org.ruralstat.subject;

import java.util.List;

/** An indicator of a measure subject and the header or cell texts that name it. */
public record IndicatorAliases(String code, List<String> aliases) {

    public IndicatorAliases {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an indicator needs a code");
        }
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
    }
}
