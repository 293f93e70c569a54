package org.ruralstat.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Relative links from a report, two folders below the warehouse ({@code reports/<run id>/index.html} and
 * {@code reports/latest/index.html}), to feedback workbooks: only to a file that exists inside the warehouse,
 * every path segment percent-encoded.
 */
final class FeedbackLinks {

    private final Path warehouse;

    FeedbackLinks(Path warehouse) {
        this.warehouse = warehouse.toAbsolutePath().normalize();
    }

    /** The href of a workbook given by its path relative to the warehouse, or empty when there is none to link. */
    Optional<String> href(String feedbackPath) {
        if (feedbackPath == null || feedbackPath.isBlank()) {
            return Optional.empty();
        }
        String[] segments = feedbackPath.split("/");
        if (Arrays.stream(segments).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("\\"))) {
            return Optional.empty();
        }
        Path file = warehouse.resolve(feedbackPath).normalize();
        if (!file.startsWith(warehouse) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of("../../" + Arrays.stream(segments).map(FeedbackLinks::encode).collect(Collectors.joining("/")));
    }

    /** A path segment percent-encoded as UTF-8 (a space as %20, not +). */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
