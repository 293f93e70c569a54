package org.ruralstat.warehouse;

/**
 * Loads DuckDB's native library on a thread of its own while Spring starts. The JDBC driver unpacks its 72 MB
 * library from the jar to a temporary file and loads it on first use, which otherwise holds up the first step of
 * every run. A failure is not reported here but by the first connection, whose error carries the original one
 * (Java chains it, naming this thread), so a missing temporary folder still stops the run with DuckDB's own message.
 */
public final class DuckDbLibrary {

    private DuckDbLibrary() {
    }

    public static void loadInBackground() {
        Thread thread = new Thread(DuckDbLibrary::load, "duckdb-library");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            Class.forName("org.duckdb.DuckDBNative", true, DuckDbLibrary.class.getClassLoader());
        } catch (Throwable e) {
            // reported by the first connection, whose NoClassDefFoundError carries this as its cause
        }
    }
}
