package org.ruralstat.publish;

import org.ruralstat.warehouse.SubmissionStatus;

/** What publishing did with one submission. */
public record PublishResult(long submissionId, String subject, String period, SubmissionStatus status, int rowsRead,
                            int rowsLoaded, int rowsRejected, int rowsWarned, Long supersedes) {
}
