package org.ruralstat.warehouse;

import org.duckdb.DuckDBAppender;
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

/**
 * Writes one submission's validated rows to its staging table, its row outcomes to {@code stg_row} and its
 * findings to {@code etl_issue}, all with the DuckDB Appender. Staging is keyed by (submission, source row)
 * and cleared when the submission's step starts, so a chunk written twice after a crash leaves no duplicate.
 */
public class StagingItemWriter implements ItemStreamWriter<StagedRow> {

    private final Warehouse warehouse;
    private final long submissionId;
    private final Map<String, TableColumns> tables = new HashMap<>();
    private DuckDBConnection connection;

    public StagingItemWriter(Warehouse warehouse, long submissionId) {
        this.warehouse = warehouse;
        this.submissionId = submissionId;
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
        Map<String, DuckDBAppender> appenders = new LinkedHashMap<>();
        try {
            for (StagedRow row : chunk) {
                for (Map<String, Object> fact : row.facts()) {
                    Map<String, Object> values = new HashMap<>(fact);
                    values.put("submission_id", submissionId);
                    append(appenders, row.table(), values);
                }
                if (row.isRow()) {
                    append(appenders, "stg_row", Map.of("submission_id", submissionId, "sheet", row.sheet(),
                            "source_row", row.rowNumber(), "outcome", row.outcome()));
                }
                for (Map<String, Object> total : row.totals()) {
                    Map<String, Object> values = new HashMap<>(total);
                    values.put("submission_id", submissionId);
                    append(appenders, "stg_total", values);
                }
                for (Finding finding : row.findings()) {
                    append(appenders, "etl_issue", issue(finding));
                }
            }
        } finally {
            SQLException failure = null;
            for (DuckDBAppender appender : appenders.values()) {
                try {
                    appender.close();
                } catch (SQLException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void append(Map<String, DuckDBAppender> appenders, String table, Map<String, ?> values) throws SQLException {
        TableColumns columns = tables.get(table);
        if (columns == null) {
            columns = TableColumns.of(connection, table);
            tables.put(table, columns);
        }
        DuckDBAppender appender = appenders.get(table);
        if (appender == null) {
            appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
            appenders.put(table, appender);
        }
        columns.append(appender, values);
    }

    private Map<String, Object> issue(Finding finding) {
        Map<String, Object> values = new HashMap<>();
        values.put("submission_id", submissionId);
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
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new ItemStreamException("cannot close the warehouse connection", e);
            } finally {
                connection = null;
            }
        }
    }
}
