package org.ruralstat.warehouse;


import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job's working DuckDB file, {@code <warehouse>/ruralstat.duckdb}, opened read-write by this process
 * alone. Threads get their own connections to the one database instance; analysts never open this file.
 */
public final class Warehouse implements AutoCloseable {

    public static final String FILE_NAME = "ruralstat.duckdb";

    private final Path directory;
    private final String memoryLimit;
    private DuckDBConnection root;
    private final Map<String, TableColumns> tableColumns = new ConcurrentHashMap<>();

    public Warehouse(Path directory) {
        this(directory, "");
    }

    /** A warehouse whose DuckDB instance keeps within a memory limit such as {@code 1GB}; empty for DuckDB's default. */
    public Warehouse(Path directory, String memoryLimit) {
        this.directory = directory.toAbsolutePath().normalize();
        this.memoryLimit = memoryLimit == null ? "" : memoryLimit;
    }

    public Path directory() {
        return directory;
    }

    /** Where staging writes the CSV files DuckDB loads (the staging step's spill files); empty between runs. */
    public Path spillDirectory() {
        return directory.resolve("spill");
    }

    /** Deletes the staging files a killed run left behind; called before any file is staged. */
    public void clearSpillDirectory() throws IOException {
        Path spill = spillDirectory();
        if (!Files.isDirectory(spill)) {
            return;
        }
        try (var leftovers = Files.list(spill)) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** A new connection to the working database; the caller closes it. */
    public synchronized DuckDBConnection connect() throws SQLException {
        if (root == null) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new SQLException("cannot create warehouse directory " + directory, e);
            }
            Properties properties = new Properties();
            properties.setProperty("duckdb.read_only", "false");
            if (!memoryLimit.isBlank()) {
                properties.setProperty("memory_limit", memoryLimit);
            }
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file(), properties);
        }
        return root.duplicate();
    }

    /**
     * A table's columns, asked of DuckDB once per run and remembered: staging asks for four tables a file, and an
     * {@code information_schema} query is slow while other connections write (docs/decisions.md). The schema is
     * settled before any file is staged ({@link WarehouseSchema#apply()} forgets what was remembered).
     */
    public TableColumns columns(Connection connection, String table) throws SQLException {
        TableColumns known = tableColumns.get(table);
        if (known == null) {
            known = TableColumns.of(connection, table);
            tableColumns.put(table, known);
        }
        return known;
    }

    /** A table's columns, as {@link #columns(Connection, String)}, asking DuckDB on a connection of its own if need be. */
    public TableColumns columns(String table) throws SQLException {
        TableColumns known = tableColumns.get(table);
        if (known != null) {
            return known;
        }
        try (Connection connection = connect()) {
            return columns(connection, table);
        }
    }

    void forgetColumns() {
        tableColumns.clear();
    }

    /** Work done on one connection in one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T apply(DuckDBConnection connection) throws SQLException;
    }

    /** Runs the work in one DuckDB transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        try (DuckDBConnection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The database name DuckDB gives the working file, for statements such as COPY FROM DATABASE. */
    public String catalogName() throws SQLException {
        try (Connection connection = connect(); var statement = connection.createStatement();
             var rs = statement.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (root != null) {
            root.close();
            root = null;
        }
    }
}
