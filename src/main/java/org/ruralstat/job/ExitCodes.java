package org.ruralstat.job;

/**
 * The process exit codes every command keeps to (docs/contract.md): operators' schedulers and scripts read them.
 */
public final class ExitCodes {

    /** The command did what it was asked: the run completed, the file would load, the query answered. */
    public static final int OK = 0;
    /** The run or check failed, or the file would not load; the log and the report say why. */
    public static final int FAILED = 1;
    /** The command line or a setting is wrong (or a submission cannot be retracted); one line on stderr says how. */
    public static final int USAGE = 2;
    /** Another process holds the warehouse's lock; nothing was opened. */
    public static final int LOCKED = 3;

    private ExitCodes() {
    }
}
