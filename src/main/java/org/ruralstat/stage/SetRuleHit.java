package org.ruralstat.stage;

import java.util.Map;

/**
 * A row that broke a set rule, as the rule's SQL found it.
 *
 * @param submissionId the submission the row belongs to
 * @param column  the header or column the finding points at, or null for the whole row
 * @param cellRef A1 reference when the SQL knows the cell, else null
 * @param params  values for the rule's message
 */
record SetRuleHit(long submissionId, String sheet, int sourceRow, String column, String cellRef, String rawValue, Map<String, String> params) {
}
