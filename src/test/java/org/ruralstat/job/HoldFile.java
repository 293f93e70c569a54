package org.ruralstat.job;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

/**
 * A second process for tests: holds a file the way another program would (a DuckDB read-only connection, or an
 * OS file lock) until its standard input closes. Prints "ready" (and, for DuckDB, a row count) once it holds it.
 */
public final class HoldFile {

    private HoldFile() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("lock")) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var lock = channel.lock()) {
                System.out.println("ready");
                System.out.flush();
                System.in.read();
            }
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
             ResultSet rs = c.createStatement().executeQuery(args[2])) {
            rs.next();
            System.out.println("ready " + rs.getLong(1));
            System.out.flush();
            System.in.read();
            try (ResultSet again = c.createStatement().executeQuery(args[2])) {
                again.next();
                System.out.println("still " + again.getLong(1));
            }
        }
    }
}
