package org.ruralstat.subject;

/**
 * Where a subject's rows name their region, and which column receives the resolved code.
 *
 * @param level           the level a row's region must have (village), or any
 * @param codeField       the field with a region code
 * @param nameField       the field with a region name
 * @param parentNameField the field with the name of a region above it (a township), used to narrow names
 * @param output          the target column for the resolved code
 */
public record RegionSpec(String level, String codeField, String nameField, String parentNameField, String output) {

    public RegionSpec {
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("region.output is required");
        }
        level = level == null ? "any" : level;
    }
}
