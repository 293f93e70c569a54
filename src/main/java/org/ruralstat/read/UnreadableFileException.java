package org.ruralstat.read;

import java.util.Map;

/**
 * A file that cannot be read as a return: encrypted, truncated, of another format, or hostile. Carries the
 * rule id of {@code jobs/rules.yml} and the values its message needs, so the bureau is told what to do.
 */
public class UnreadableFileException extends Exception {

    private final String rule;
    private final Map<String, String> params;

    public UnreadableFileException(String rule, Map<String, String> params, String technicalMessage, Throwable cause) {
        super(rule + ": " + technicalMessage, cause);
        this.rule = rule;
        this.params = Map.copyOf(params);
    }

    public UnreadableFileException(String rule, String technicalMessage) {
        this(rule, Map.of(), technicalMessage, null);
    }

    public String rule() {
        return rule;
    }

    public Map<String, String> params() {
        return params;
    }
}
