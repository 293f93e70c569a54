package org.ruralstat.validate;

/** A rule's severity and message templates, as {@code jobs/*.yml} declare them. */
public record Rule(String id, Severity severity, String zh, String en) {

    public Rule {
        if (id == null || !id.matches("[A-Z]{2,5}-\\d{3}")) {
            throw new IllegalArgumentException("rule ids look like INC-003: " + id);
        }
        if (severity == null || zh == null || en == null) {
            throw new IllegalArgumentException("rule " + id + " needs a severity and both messages");
        }
    }
}
