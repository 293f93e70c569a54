package org.ruralstat.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Shows {@link RunProgress} while a run stages files: on a terminal, a live line per file redrawn every
 * half second; without one (cron, systemd, CI), a log line per file every {@code interval}. Stops when closed.
 */
public final class ProgressPrinter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressPrinter.class);
    private static final String CLEAR_LINE = "\033[2K";
    private static final String LINE_UP = "\033[1A";

    private final RunProgress progress;
    private final PrintStream terminal;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private int drawnLines;

    private ProgressPrinter(RunProgress progress, PrintStream terminal, Duration interval) {
        this.progress = progress;
        this.terminal = terminal;
        this.intervalMillis = terminal != null ? 500 : interval.toMillis();
        this.thread = new Thread(this::loop, "progress");
        this.thread.setDaemon(true);
    }

    /** Starts printing: live lines when standard output is a terminal, log lines otherwise. */
    public static ProgressPrinter start(RunProgress progress, Duration logInterval) {
        ProgressPrinter printer = new ProgressPrinter(progress, System.console() != null ? System.out : null, logInterval);
        printer.progress.drainFinished();
        printer.thread.start();
        return printer;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                break;
            }
            try {
                print();
            } catch (RuntimeException e) {
                // progress is a courtesy: a failure to describe it must neither kill the run nor go unseen
                log.warn("Progress could not be printed: {}", e.toString());
            }
        }
    }

    private synchronized void print() {
        List<RunProgress.FileProgress> done = progress.drainFinished();
        List<RunProgress.FileProgress> active = progress.active();
        if (terminal == null) {
            done.forEach(file -> log.info("Staged  {}", file.describe()));
            active.forEach(file -> log.info("Staging {}", file.describe()));
            return;
        }
        StringBuilder screen = new StringBuilder();
        screen.append((LINE_UP + CLEAR_LINE).repeat(drawnLines)).append('\r');
        done.forEach(file -> screen.append(CLEAR_LINE).append("  ✓ ").append(file.describe()).append('\n'));
        active.forEach(file -> screen.append(CLEAR_LINE).append("  … ").append(file.describe()).append('\n'));
        drawnLines = active.size();
        terminal.print(screen);
        terminal.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print();
    }
}
