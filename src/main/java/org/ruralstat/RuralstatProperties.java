package org.ruralstat;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Every setting of ruralstat, bound from {@code ruralstat.*} in application.yml and overridable by
 * environment variables (RURALSTAT_INPUT, RURALSTAT_WAREHOUSE, …).
 *
 * @param input           the drop folder, holding one folder per submitter code
 * @param warehouse       where the working DuckDB file, the job repository, feedback and the snapshot live
 * @param definitions     Spring resource pattern of the subject and rule definitions
 * @param seeds           Spring resource location of the seeds folder
 * @param cadreKeySecret  secret for cadre_key; when empty, a key file under the warehouse is used (made on first run)
 * @param chunkSize       rows per chunk when staging
 * @param threads         files staged in parallel; 0 means one per core
 */
@ConfigurationProperties("ruralstat")
public record RuralstatProperties(Path input, Path warehouse, String definitions, String seeds, String cadreKeySecret,
                                  int chunkSize, int threads) {

    public RuralstatProperties {
        input = input == null ? Path.of("input") : input;
        warehouse = warehouse == null ? Path.of("warehouse") : warehouse;
        definitions = definitions == null || definitions.isBlank() ? "classpath*:jobs/*.yml" : definitions;
        seeds = seeds == null || seeds.isBlank() ? "classpath:seeds/" : seeds;
        chunkSize = chunkSize <= 0 ? 5000 : chunkSize;
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
