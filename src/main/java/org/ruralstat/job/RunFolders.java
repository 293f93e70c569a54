package org.ruralstat.job;

import java.nio.file.Path;

/**
 * The folders one run works on: the drop folder it reads, the warehouse it writes, where bureaus read their 回执,
 * and where files go to and come back from workers. They are the run's, not the process's: {@code run} takes them
 * from its command line, and one started application can run the job on several (one at a time, see
 * {@link Workspaces}).
 */
public record RunFolders(Path input, Path warehouse, Path receipts, Path exchange) {

    public RunFolders {
        input = input.toAbsolutePath().normalize();
        warehouse = warehouse.toAbsolutePath().normalize();
        receipts = receipts.toAbsolutePath().normalize();
        exchange = exchange.toAbsolutePath().normalize();
    }

    /** The folders the settings name. */
    public static RunFolders of(RuralstatProperties properties) {
        return of(properties, properties.input(), properties.warehouse());
    }

    /** A drop folder and a warehouse, with the receipts and exchange folders the settings give or else beside them. */
    public static RunFolders of(RuralstatProperties properties, Path input, Path warehouse) {
        return new RunFolders(input, warehouse, properties.receiptsFor(input), properties.exchangeFor(warehouse));
    }
}
