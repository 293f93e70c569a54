package org.ruralstat.job;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralstat.warehouse.PendingSubmission;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How the staged submissions are cut into partitions: one each, or groups for the steps that work set by set. */
class SubmissionPartitionerTests {

    @ParameterizedTest(name = "{0} submissions, grid {1}, at most {2} a group: {3}")
    @CsvSource(delimiter = ';', value = {
            "5; 2; 500; 1,2,3 4,5",
            "5; 2; 2;   1,2 3,4 5",
            "4; 8; 500; 1 2 3 4",
            "1; 2; 500; 1",
            "0; 2; 500; ''",
    })
    void groupsCoverEverySubmissionOnceInOrder(int submissions, int grid, int maxGroup, String expected) {
        Map<String, ExecutionContext> partitions = SubmissionPartitioner.grouped(() -> pending(submissions), maxGroup)
                .partition(grid);
        List<String> groups = new ArrayList<>();
        for (ExecutionContext context : partitions.values()) {
            assertThat(context.containsKey("submissionId")).isFalse();
            List<Long> ids = SubmissionPartitioner.ids(context.getString("submissionIds"));
            assertThat(context.getString("submitterCodes")).as("codes, never a file").isEqualTo("222424");
            groups.add(String.join(",", ids.stream().map(String::valueOf).toList()));
        }
        assertThat(String.join(" ", groups)).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0} submissions")
    @CsvSource({"0", "3"})
    void oneSubmissionAPartitionNamedByIdNeverByFile(int submissions) {
        Map<String, ExecutionContext> partitions = new SubmissionPartitioner(() -> pending(submissions)).partition(2);
        assertThat(partitions).hasSize(submissions);
        partitions.forEach((name, context) -> {
            assertThat(name).isEqualTo("submission-" + context.getLong("submissionId"));
            assertThat(context.toString()).doesNotContain("身份证");
        });
    }

    private static List<PendingSubmission> pending(int count) {
        return LongStream.rangeClosed(1, count)
                .mapToObj(id -> new PendingSubmission(id, "222424", Path.of("input/222424/身份证110101199003077777.xlsx")))
                .toList();
    }
}
