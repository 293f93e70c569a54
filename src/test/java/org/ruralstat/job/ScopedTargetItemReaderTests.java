package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.ListItemReader;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows are read from the scoped reader's target directly; the stream's life cycle still goes through the scope. */
class ScopedTargetItemReaderTests {

    @Test
    void readsFromTheTargetAndOpensUpdatesAndClosesThroughTheScope() throws Exception {
        ListItemReader<String> rows = new ListItemReader<>(List.of("a", "b"));
        ScopeProxy proxy = new ScopeProxy(rows);
        ScopedTargetItemReader<String> reader = new ScopedTargetItemReader<>(proxy);

        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class);
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isEqualTo("a");
        assertThat(reader.read()).isEqualTo("b");
        assertThat(reader.read()).isNull();
        reader.update(new ExecutionContext());
        reader.close();

        assertThat(proxy.calls).containsExactly("open", "update", "close");
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsTheTargetOfEachThreadThatOpenedIt() throws Exception {
        ScopedTargetItemReader<String> reader = new ScopedTargetItemReader<>(new Stream(new ListItemReader<>(List.of("main"))));
        reader.open(new ExecutionContext());
        List<Object> seen = new ArrayList<>();
        Thread partition = new Thread(() -> {
            try {
                reader.open(new ExecutionContext());
                seen.add(reader.read());
                reader.close();
                seen.add(reader.read());
            } catch (Exception e) {
                seen.add(e.getClass().getSimpleName());
            }
        });
        partition.start();
        partition.join();
        // the other thread opened and closed the same instance; this thread's target is untouched
        assertThat(seen).containsExactly("main", "IllegalStateException");
        assertThat(reader.read()).isNull();
    }

    @Test
    void readsAnUnscopedReaderAsItIs() throws Exception {
        ScopedTargetItemReader<String> reader = new ScopedTargetItemReader<>(new Stream(new ListItemReader<>(List.of("x"))));
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isEqualTo("x");
        reader.close();
    }

    /** What a step-scope proxy looks like to the wrapper: reading through it is what the wrapper avoids. */
    private static final class ScopeProxy extends Stream implements ScopedObject {

        final List<String> calls = new ArrayList<>();

        ScopeProxy(ListItemReader<String> rows) {
            super(rows);
        }

        @Override
        public String read() {
            throw new AssertionError("a row was read through the scope's proxy");
        }

        @Override
        public void open(ExecutionContext context) {
            calls.add("open");
        }

        @Override
        public void update(ExecutionContext context) {
            calls.add("update");
        }

        @Override
        public void close() {
            calls.add("close");
        }

        @Override
        public Object getTargetObject() {
            return new Stream(rows);
        }

        @Override
        public void removeFromScope() {
        }
    }

    private static class Stream implements ItemStreamReader<String> {

        final ListItemReader<String> rows;

        Stream(ListItemReader<String> rows) {
            this.rows = rows;
        }

        @Override
        public String read() {
            return rows.read();
        }
    }
}
