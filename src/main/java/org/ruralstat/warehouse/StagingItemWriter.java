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
 * findings to {@code etl_issue}, all with the DuckDB Appender: one per table, kept open for the whole submission and
 * flushed at the end of every chunk. Staging is keyed by (submission, source row) and cleared when the submission's
 * step starts, so a chunk written twice after a crash leaves no duplicate.
 */
public class StagingItemWriter implements ItemStreamWriter<StagedRow> {

    private final Warehouse warehouse;
    private final long submissionId;
    private final Map<String, TableAppender> appenders = new LinkedHashMap<>();
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
        for (StagedRow row : chunk) {
            for (Map<String, Object> fact : row.facts()) {
                append(row.table(), fact);
            }
            if (row.isRow()) {
                append("stg_row", Map.of("sheet", row.sheet(), "source_row", row.rowNumber(), "outcome", row.outcome()));
            }
            for (Map<String, Object> total : row.totals()) {
                append("stg_total", total);
            }
            for (Finding finding : row.findings()) {
                append("etl_issue", issue(finding));
            }
        }
        for (TableAppender target : appenders.values()) {
            target.appender().flush();
        }
    }

    private void append(String table, Map<String, ?> values) throws SQLException {
        TableAppender target = appenders.get(table);
        if (target == null) {
            target = new TableAppender(TableColumns.of(connection, table),
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table));
            appenders.put(table, target);
        }
        target.columns().append(target.appender(), values, submissionId);
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
        for (TableAppender target : appenders.values()) {
            try {
                target.appender().close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        appenders.clear();
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

    /** A staging table's columns and its open Appender. */
    private record TableAppender(TableColumns columns, DuckDBAppender appender) {
    }
}
