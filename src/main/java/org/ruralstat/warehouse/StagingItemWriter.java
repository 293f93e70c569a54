package org.ruralstat.warehouse;

import org.duckdb.DuckDBConnection;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.StagedRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Writes one submission's validated rows to its staging table, its row outcomes to {@code stg_row}, its stated totals
 * to {@code stg_total} and its findings to {@code etl_issue}. Rows go to one {@link SpillFile} per table, which
 * DuckDB loads itself: every {@value #LOAD_ROWS} rows, and once the reader has reached the end of the file. The loads
 * of one moment are one transaction. Staging is keyed by (submission, source row) and cleared when the submission's
 * step starts, and the reader starts again from the top, so an attempt that fails or is killed half way leaves
 * nothing that counts: the submission is marked staged only after its step, when {@link #isFullyLoaded()}.
 */
public class StagingItemWriter implements ItemStreamWriter<StagedRow> {

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
    public void write(Chunk<? extends StagedRow> chunk) throws SQLException {
        for (StagedRow row : chunk) {
            for (Map<String, Object> fact : row.facts()) {
                spill(row.table(), fact);
            }
            if (row.isRow()) {
                spill("stg_row", Map.of("sheet", row.sheet(), "source_row", row.rowNumber(), "outcome", row.outcome()));
            }
            for (Map<String, Object> total : row.totals()) {
                spill("stg_total", total);
            }
            for (Finding finding : row.findings()) {
                spill("etl_issue", issue(finding));
            }
        }
    }

    private void spill(String table, Map<String, ?> values) throws SQLException {
        SpillFile file = files.get(table);
        if (file == null) {
            file = new SpillFile(warehouse.spillDirectory(), warehouse.columns(connection, table), submissionId);
            files.put(table, file);
        }
        file.append(values);
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

    private static Map<String, Object> issue(Finding finding) {
        Map<String, Object> values = new HashMap<>();
        values.put("sheet", finding.sheet());
        values.put("row_number", finding.rowNumber());
        values.put("column_name", finding.column());
        values.put("cell_ref", finding.cellRef());
        values.put("raw_value", finding.rawValue());
        values.put("rule", finding.rule());
        values.put("severity", finding.severity().code());
        values.put("message_zh", finding.messageZh());
        values.put("message_en", finding.messageEn());
        return values;
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
