package org.ruralstat;

import org.ruralstat.job.RuralstatProperties;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code --ruralstat.name=value} settings of a command line, checked before Spring starts: a usage error is one
 * line and exit 2, never a 15-second start and a stack trace. Every setting of {@link RuralstatProperties} is listed with
 * what its value must be.
 */
final class SettingChecks {

    private static final Predicate<String> ANY = value -> true;
    private static final Predicate<String> WHOLE_NUMBER = value -> value.matches("[0-9]{1,9}");
    private static final Predicate<String> DURATION = SettingChecks::isDuration;

    private static final Map<String, Predicate<String>> SETTINGS = Map.ofEntries(
            Map.entry("input", ANY), Map.entry("warehouse", ANY), Map.entry("definitions", ANY), Map.entry("seeds", ANY),
            Map.entry("cadre-key-secret", ANY), Map.entry("duckdb-memory-limit", ANY), Map.entry("receipts", ANY), Map.entry("command", ANY),
            Map.entry("chunk-size", WHOLE_NUMBER), Map.entry("threads", WHOLE_NUMBER),
            Map.entry("quiet-period", DURATION), Map.entry("progress-interval", DURATION),
            Map.entry("shutdown-timeout", DURATION), Map.entry("schedule.poll-interval", DURATION),
            Map.entry("schedule.cron", CronExpression::isValidExpression),
            Map.entry("schedule.zone", SettingChecks::isZone),
            Map.entry("schedule.on-new-files", value -> value.equals("true") || value.equals("false")),
            Map.entry("schedule.health-port", value -> value.matches("[0-9]{1,5}") && Integer.parseInt(value) <= 65535),
            Map.entry("schedule.health-host", ANY),
            Map.entry("schedule.group", ANY),
            Map.entry("workers.broker", value -> value.isBlank() || value.matches("amqps?://.+")),
            Map.entry("workers.exchange", ANY), Map.entry("workers.queue", value -> value.matches("[A-Za-z0-9._-]{1,200}")),
            Map.entry("workers.timeout", DURATION),
            Map.entry("drill.pause-at", value -> value.matches("(reading|staged|publishing|snapshot)(:[0-9]{1,6})?")),
            Map.entry("drill.hold", DURATION));

    private SettingChecks() {
    }

    /** Throws with a one-line message naming the first setting that is unknown or whose value cannot be used. */
    static void check(List<String> settings) {
        for (String setting : settings) {
            if (!setting.startsWith("--ruralstat.")) {
                continue;
            }
            int equals = setting.indexOf('=');
            String name = setting.substring("--ruralstat.".length(), equals);
            String value = setting.substring(equals + 1);
            Predicate<String> valid = SETTINGS.get(name);
            if (valid == null) {
                throw new IllegalArgumentException("ruralstat: unknown setting ruralstat." + name
                        + " (docs/configuration.md lists them)");
            }
            if (!valid.test(value)) {
                throw new IllegalArgumentException("ruralstat: ruralstat." + name + " cannot be '" + value + "'"
                        + " (docs/configuration.md says what it takes)");
            }
        }
    }

    private static boolean isDuration(String value) {
        try {
            return !DurationStyle.detectAndParse(value).isNegative();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isZone(String value) {
        try {
            ZoneId.of(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
