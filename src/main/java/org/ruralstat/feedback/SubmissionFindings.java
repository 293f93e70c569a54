package org.ruralstat.feedback;

import org.ruralstat.validate.Finding;

import java.util.List;

/**
 * The findings of one submission, handed over one at a time in the order the 问题清单 lists them (whole-file first,
 * then by row, sheet and cell), so a file with a finding on every one of a million rows never sits in memory.
 */
@FunctionalInterface
public interface SubmissionFindings {

    /** Hands every finding to the action, in order. */
    void forEach(Action action) throws Exception;

    /** What is done with each finding. */
    @FunctionalInterface
    interface Action {
        void accept(Finding finding) throws Exception;
    }

    static SubmissionFindings of(List<Finding> findings) {
        return action -> {
            for (Finding finding : findings) {
                action.accept(finding);
            }
        };
    }
}
