package org.ruralstat.warehouse;

import org.ruralstat.subject.SubjectDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Brings the working database to the shape of {@code warehouse/schema/*.sql} and {@code warehouse/views/*.sql}:
 * tables created if missing, a {@code stg_} twin of every fact table, views replaced every run.
 */
public final class WarehouseSchema {

    private static final Logger log = LoggerFactory.getLogger(WarehouseSchema.class);

    private final Warehouse warehouse;
    private final List<SubjectDefinition> subjects;

    public WarehouseSchema(Warehouse warehouse, List<SubjectDefinition> subjects) {
        this.warehouse = warehouse;
        this.subjects = List.copyOf(subjects);
    }

    public void apply() throws SQLException, IOException {
        warehouse.forgetColumns();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            // the tables and their comments in one transaction: one commit instead of one per statement
            connection.setAutoCommit(false);
            for (Resource resource : resources("classpath*:warehouse/schema/*.sql")) {
                run(connection, resource);
            }
            for (SubjectDefinition subject : subjects) {
                statement.execute("create table if not exists " + subject.stagingTable()
                        + " as select * from " + subject.target() + " limit 0");
            }
            statement.execute("""
                    create table if not exists stg_row (
                        submission_id bigint not null,
                        sheet varchar,
                        source_row integer not null,
                        outcome varchar not null,
                        justification varchar
                    )""");
            statement.execute("alter table stg_row add column if not exists justification varchar");
            statement.execute("""
                    create table if not exists stg_justification (
                        submission_id bigint not null,
                        source_row integer not null,
                        sheet varchar,
                        row_number integer,
                        cell_ref varchar,
                        column_name varchar,
                        raw_value varchar,
                        rule varchar,
                        message_zh varchar,
                        justification varchar
                    )""");
            statement.execute("""
                    create table if not exists stg_column (
                        submission_id bigint not null,
                        sheet varchar,
                        source_column varchar not null,
                        header varchar
                    )""");
            statement.execute("""
                    create table if not exists stg_prior (
                        submission_id bigint not null,
                        sheet varchar,
                        source_row integer not null,
                        source_column varchar,
                        region_code varchar not null,
                        indicator_code varchar not null,
                        year integer not null,
                        period varchar not null,
                        value decimal(18, 2) not null
                    )""");
            statement.execute("""
                    create table if not exists stg_key (
                        submission_id bigint not null,
                        region_code varchar not null,
                        indicator_code varchar,
                        period varchar not null
                    )""");
            statement.execute("""
                    create table if not exists stg_total (
                        submission_id bigint not null,
                        sheet varchar,
                        source_row integer not null,
                        kind varchar not null,
                        target_column varchar not null,
                        indicator_code varchar,
                        value decimal(18, 2),
                        column_name varchar,
                        cell_ref varchar
                    )""");
            connection.commit();
            // a view that needs one not made yet fails and is retried: each in a transaction of its own
            connection.setAutoCommit(true);
            applyViews(connection, resources("classpath*:warehouse/views/*.sql"));
        }
    }

    /** Views in any order of files: one that needs a view not made yet is retried after the others. */
    private static void applyViews(Connection connection, List<Resource> views) throws IOException, SQLException {
        List<Resource> pending = new java.util.ArrayList<>(views);
        while (!pending.isEmpty()) {
            List<Resource> failed = new java.util.ArrayList<>();
            SQLException last = null;
            for (Resource view : pending) {
                try {
                    run(connection, view);
                } catch (SQLException e) {
                    failed.add(view);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw last;
            }
            pending = failed;
        }
    }

    private static void run(Connection connection, Resource resource) throws IOException, SQLException {
        String script = resource.getContentAsString(StandardCharsets.UTF_8);
        for (String sql : SqlScripts.statements(script)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new SQLException(resource.getFilename() + ": " + e.getMessage(), e);
            }
        }
        log.debug("applied {}", resource.getFilename());
    }

    static List<Resource> resources(String pattern) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
        return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
    }
}
