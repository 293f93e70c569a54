package org.ruralstat.stage;

import org.ruralstat.warehouse.Warehouse;

import org.duckdb.DuckDBConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Writes one submission's validated rows to its staging table, its row outcomes to {@code stg_row}, its stated totals
 * to {@code stg_total} and its findings to {@code etl_issue}, as the {@link StagingLines} the validation pool rendered.
 * Lines go to one {@link SpillFile} per table, which
 * DuckDB loads itself: every {@value #LOAD_ROWS} rows, and once the reader has reached the end of the file. The loads
 * of one moment are one transaction. Staging is keyed by (submission, source row) and cleared when the submission's
 * step starts, and the reader starts again from the top, so an attempt that fails or is killed half way leaves
 * nothing that counts: the submission is marked staged only after its step, when {@link #isFullyLoaded()}.
 */
public class StagingItemWriter implements ItemStreamWriter<StagingLines> {

    /** Rows (all tables together) the files of one submission hold before they are loaded: 16 MB of a cadre return. */
    static final long LOAD_ROWS = 100_000;

    private final Warehouse warehouse;
    private final long submissionId;
    private final BooleanSupplier inputEnded;
    private final Map<String, SpillFile> files = new LinkedHashMap<>();
    private DuckDBConnection connection;

    /**
     * @param inputEnded true once the reader has returned its last row: the writer then loads what it holds when the
     *                   chunk is done ({@link #update}), which Spring Batch calls after every chunk, the empty last
     *                   one of a file whose rows are a whole number of chunks included
     */
    public StagingItemWriter(Warehouse warehouse, long submissionId, BooleanSupplier inputEnded) {
        this.warehouse = warehouse;
        this.submissionId = submissionId;
        this.inputEnded = inputEnded;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            connection = warehouse.connect();
        } catch (SQLException e) {
            throw new ItemStreamException("cannot open the warehouse", e);
        }
    }

    @Override
    public void write(Chunk<? extends StagingLines> chunk) throws SQLException {
        for (StagingLines row : chunk) {
            for (SpillLine line : row.lines()) {
                SpillFile file = files.get(line.table());
                if (file == null) {
                    file = new SpillFile(warehouse.spillDirectory(), warehouse.columns(connection, line.table()), submissionId);
                    files.put(line.table(), file);
                }
                file.append(line);
            }
        }
    }

    /** After every chunk: loads what the files hold once the file is read to its end, or once they hold enough. */
    @Override
    public void update(ExecutionContext context) {
        if (pendingRows() == 0 || !inputEnded.getAsBoolean() && pendingRows() < LOAD_ROWS) {
            return;
        }
        try {
            warehouse.inTransaction(c -> {
                for (SpillFile file : files.values()) {
                    file.load(c);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new ItemStreamException("cannot load the staging of submission " + submissionId, e);
        }
    }

    private long pendingRows() {
        return files.values().stream().mapToLong(SpillFile::pendingRows).sum();
    }

    /** True when every row written is in the warehouse: what must hold before the submission counts as staged. */
    public boolean isFullyLoaded() {
        return pendingRows() == 0;
    }

    @Override
    public void close() {
        SQLException failure = null;
        for (SpillFile file : files.values()) {
            try {
                file.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        files.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            } finally {
                connection = null;
            }
        }
        if (failure != null) {
            throw new ItemStreamException("cannot close the staging of submission " + submissionId, failure);
        }
    }
}
