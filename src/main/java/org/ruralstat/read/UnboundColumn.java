package org.ruralstat.read;

import org.ruralstat.subject.HeaderText;
import org.ruralstat.subject.SubjectDefinition;

/**
 * A header cell that binds to no field of the sheet's subject: its values are not loaded, and the bureau is told so
 * (never dropped without a word).
 *
 * @param column 0-based column
 * @param header the header as written (a merged group header flattened onto its column)
 * @param kind   last year's figures (上年), a derived figure (增长%), or a column the subject does not know
 * @param other  the subject whose header it is, when another subject's wording matches it; null otherwise
 */
public record UnboundColumn(int column, String header, HeaderText.Kind kind, SubjectDefinition other) {
}
