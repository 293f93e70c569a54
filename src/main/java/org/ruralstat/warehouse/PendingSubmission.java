package org.ruralstat.warehouse;

import java.nio.file.Path;

/** A submission registered in the ledger and waiting to be staged. */
public record PendingSubmission(long submissionId, String submitterCode, Path file) {
}
