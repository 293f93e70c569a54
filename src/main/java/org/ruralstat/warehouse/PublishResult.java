package org.ruralstat.warehouse;

/** What publishing did with one submission. */
public record PublishResult(long submissionId, String subject, String period, String status, int rowsRead,
                            int rowsLoaded, int rowsRejected, int rowsWarned, Long supersedes) {
}
