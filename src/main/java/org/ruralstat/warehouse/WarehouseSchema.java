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
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (Resource resource : resources("classpath*:warehouse/schema/*.sql")) {
                run(statement, resource);
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
                        outcome varchar not null
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
            for (Resource resource : resources("classpath*:warehouse/views/*.sql")) {
                run(statement, resource);
            }
        }
    }

    private static void run(Statement statement, Resource resource) throws IOException, SQLException {
        String script = resource.getContentAsString(StandardCharsets.UTF_8);
        for (String sql : SqlScripts.statements(script)) {
            try {
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
