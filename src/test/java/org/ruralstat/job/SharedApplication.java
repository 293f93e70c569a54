package org.ruralstat.job;

import org.ruralstat.RuralstatApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * One started application for the job tests: Spring starts and the 121,000 regions are indexed once per test JVM,
 * then each test runs the job on its own drop folder and warehouse, as {@code run} does ({@link RunCommand} with
 * the run's {@link RunFolders}, the warehouse lock taken by the run). Its settings are {@code run}'s defaults with
 * files taken as settled ({@code --quiet-period 0s}); a test that needs other settings, its own job repository or
 * the command line itself runs {@link RuralstatApplication#execute} instead. The job repository is an in-memory H2
 * database that lives as long as the JVM; executions are told apart by their warehouse, as in a shared PostgreSQL one.
 */
public final class SharedApplication {

    private static ConfigurableApplicationContext context;

    private SharedApplication() {
    }

    /** One run of the job over {@code input} into {@code warehouse}; the exit code {@code run} would return. */
    public static int run(Path input, Path warehouse) {
        ConfigurableApplicationContext started = context();
        return started.getBean(RunCommand.class)
                .run(RunFolders.of(started.getBean(RuralstatProperties.class), input, warehouse));
    }

    /** The started application, started on first use. */
    static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            SpringApplication application = new SpringApplication(RuralstatApplication.class);
            application.setDefaultProperties(Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:ruralstat-job-tests;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username", "sa"));
            context = application.run("--ruralstat.command=run", "--ruralstat.quiet-period=0s");
        }
        return context;
    }
}
