package org.ruralstat.job;

import org.ruralstat.reference.ReferenceData;
import org.springframework.core.io.DefaultResourceLoader;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the reference data on a thread of its own from the moment a run is asked for, so that the 121,000 regions
 * are indexed while Spring starts instead of after it. The {@code referenceData} bean takes the result when its seeds
 * location is the one read, and otherwise reads its own.
 */
public final class ReferencePreload {

    private static final AtomicReference<Preload> PENDING = new AtomicReference<>();

    private ReferencePreload() {
    }

    /**
     * Starts reading the seeds at a Spring resource location. Only explicit {@code classpath:} and {@code file:}
     * locations are read ahead, since they mean the same to any resource loader.
     */
    public static void start(String seeds) {
        if (!seeds.startsWith("classpath:") && !seeds.startsWith("file:")) {
            return;
        }
        FutureTask<ReferenceData> task = new FutureTask<>(() -> ReferenceConfiguration.loadReferenceData(seeds,
                new DefaultResourceLoader(ReferencePreload.class.getClassLoader())));
        Preload previous = PENDING.getAndSet(new Preload(seeds, task));
        if (previous != null) {
            previous.task().cancel(true);
        }
        Thread thread = new Thread(task, "reference-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** The data read ahead from this location, else what {@code otherwise} reads. */
    static ReferenceData take(String seeds, Callable<ReferenceData> otherwise) throws Exception {
        Preload preload = PENDING.getAndSet(null);
        if (preload != null && preload.seeds().equals(seeds)) {
            try {
                return preload.task().get();
            } catch (ExecutionException e) {
                // read again below, so that the failure is reported as the bean's own
            }
        } else if (preload != null) {
            preload.task().cancel(true);
        }
        return otherwise.call();
    }

    private record Preload(String seeds, FutureTask<ReferenceData> task) {
    }
}
