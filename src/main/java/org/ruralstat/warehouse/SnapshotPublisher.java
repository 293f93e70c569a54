package org.ruralstat.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes the analysts' read-only snapshot {@code <warehouse>/published/ruralstat.duckdb}: a full copy made in a
 * temporary file, then renamed over the old one atomically, so a reader holding the old file open keeps it
 * and a new reader never sees a half-written file.
 */
public final class SnapshotPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final Warehouse warehouse;
    private final List<String> internalTables;

    public SnapshotPublisher(Warehouse warehouse, List<String> internalTables) {
        this.warehouse = warehouse;
        this.internalTables = List.copyOf(internalTables);
    }

    public Path publishedFile() {
        return warehouse.directory().resolve("published").resolve(Warehouse.FILE_NAME);
    }

    public Path publish() throws SQLException, IOException {
        Path target = publishedFile();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + Warehouse.FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + ".wal"));
        String catalog = warehouse.catalogName();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
            s.execute("attach " + literal(temporary.toString()) + " as snapshot");
            try {
                s.execute("copy from database " + identifier(catalog) + " to snapshot");
                for (String table : internalTables) {
                    s.execute("drop table if exists snapshot." + identifier(table));
                }
                s.execute("drop sequence if exists snapshot.seq_submission_id");
            } finally {
                s.execute("detach snapshot");
            }
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("Published snapshot {}", target);
        return target;
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
