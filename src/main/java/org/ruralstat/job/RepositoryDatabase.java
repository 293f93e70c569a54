package org.ruralstat.job;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What the job repository's database is: shared coordination (one runner a night, workers) needs PostgreSQL. */
final class RepositoryDatabase {

    private RepositoryDatabase() {
    }

    /** True when the job repository is on PostgreSQL; false for the embedded H2 file or a database out of reach. */
    static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
