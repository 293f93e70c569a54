package org.ruralstat.warehouse;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcomes a run records are the ones the data dictionary documents, no more and no fewer. */
class RunFileOutcomeTests {

    @Test
    void theCodesAreTheOnesTheSchemaCommentLists() throws Exception {
        String schema = Files.readString(Path.of("warehouse/schema/etl_run_file.sql"));
        Matcher comment = Pattern.compile("comment on column etl_run_file.outcome is '[^|]*\\| ([^']*)'").matcher(schema);
        assertThat(comment.find()).isTrue();
        Set<String> documented = new TreeSet<>();
        Matcher code = Pattern.compile("[a-z]+(?:_[a-z]+)*").matcher(comment.group(1).replaceFirst("^[^:]*:", ""));
        while (code.find()) {
            if (!Set.of("or").contains(code.group())) {
                documented.add(code.group());
            }
        }
        Set<String> codes = Arrays.stream(RunFileOutcome.values()).map(RunFileOutcome::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).isEqualTo(documented);
    }

    @Test
    void readsItsOwnCodesBackAndOnlyThose() {
        for (RunFileOutcome outcome : RunFileOutcome.values()) {
            assertThat(RunFileOutcome.orNull(outcome.code())).isSameAs(outcome);
        }
        assertThat(RunFileOutcome.orNull("loaded")).isNull();
        assertThat(Arrays.stream(RunFileOutcome.values()).filter(RunFileOutcome::isFresh))
                .containsExactlyInAnyOrder(RunFileOutcome.NEW, RunFileOutcome.RESUMED);
    }
}
