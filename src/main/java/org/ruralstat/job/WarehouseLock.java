package org.ruralstat.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The warehouse's run lock, {@code <warehouse>/ruralstat.lock}: one process runs the job on a warehouse at a time. A
 * one-shot command takes it before Spring starts, so a second run exits 3 at once, before anything opens the job
 * repository or the DuckDB file; the run then finds it already held by its own process.
 */
public final class WarehouseLock implements AutoCloseable {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path fileOf(Path warehouse) {
        return warehouse.toAbsolutePath().normalize().resolve("ruralstat.lock");
    }

    /** The lock, or null when another process (or another holder in this one) has it. */
    public static WarehouseLock tryAcquire(Path warehouse) throws IOException {
        Path file = fileOf(warehouse);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            HELD.add(file);
            return new WarehouseLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            return null;
        }
    }

    /** True when this process took the warehouse's lock before Spring started and holds it still. */
    public static boolean heldByThisProcess(Path warehouse) {
        return HELD.contains(fileOf(warehouse));
    }

    @Override
    public void close() throws IOException {
        HELD.remove(file);
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
