package org.ruralstat;

import org.ruralstat.job.ExitCodes;
import org.ruralstat.job.GracefulShutdown;
import org.ruralstat.job.ReferencePreload;
import org.ruralstat.job.RunCommand;
import org.ruralstat.job.RunFolders;
import org.ruralstat.job.RuralstatProperties;
import org.ruralstat.job.ServeCommand;
import org.ruralstat.job.TemplateCommand;
import org.ruralstat.job.WarehouseLock;
import org.ruralstat.job.WorkerScratch;
import org.ruralstat.query.QueryCommand;
import org.ruralstat.warehouse.DuckDbLibrary;
import org.ruralstat.warehouse.Folders;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code run}, {@code serve}, {@code query} and {@code retract} (see docs/contract.md). Exit codes:
 * 0 the run completed, 1 it failed, 2 usage error (or a submission that cannot be retracted), 3 another run holds
 * the lock.
 */
@SpringBootApplication
@EnableConfigurationProperties(RuralstatProperties.class)
public class RuralstatApplication {

    static final String USAGE = """
            usage: java -jar target/ruralstat.jar run   [--input DIR] [--warehouse DIR] [--quiet-period DURATION]
                   java -jar target/ruralstat.jar serve [--input DIR] [--warehouse DIR] [--quiet-period DURATION]
                   java -jar target/ruralstat.jar query [--warehouse DIR|FILE.duckdb] [--csv [--bom] | --parquet FILE] "SQL"
                   java -jar target/ruralstat.jar retract SUBMISSION_ID --reason TEXT [--input DIR] [--warehouse DIR]
                   java -jar target/ruralstat.jar recheck [--rejected] [--submitter CODE] [--input DIR] [--warehouse DIR]
                   java -jar target/ruralstat.jar check FILE --submitter CODE [--receipt FILE.xlsx]
                   java -jar target/ruralstat.jar worker [--warehouse DIR] --ruralstat.workers.broker=amqp://…
                   java -jar target/ruralstat.jar template --submitter CODE --subject NAME --period YEAR
                                                           [--level village|township|county] [--out FILE.xlsx]
              DURATION: 60s, 5m, 0s (a file modified more recently is left for the next run; default 60s)
              run, serve, retract and recheck also take any setting as --ruralstat.name=value (docs/configuration.md)
                   java -jar target/ruralstat.jar --help | --version
            exit codes: 0 completed, 1 failed, 2 usage error, 3 another run holds the warehouse lock
            """;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code, without exiting (for tests). */
    public static int execute(String... args) {
        if (java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("help"))) {
            System.out.print(USAGE);
            return ExitCodes.OK;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V") || args[0].equals("version"))) {
            String version = RuralstatApplication.class.getPackage().getImplementationVersion();
            System.out.println("ruralstat " + (version == null ? "(development build)" : version));
            return ExitCodes.OK;
        }
        if (args.length > 0 && args[0].equals("template")) {
            TemplateCommand.Request request;
            try {
                request = TemplateCommand.parse(args);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage() + " (--help for usage)");
                return ExitCodes.USAGE;
            }
            return TemplateCommand.execute(request, System.getenv(), System.out, System.err);
        }
        Path scratch = null;
        if (args.length > 0 && args[0].equals("worker") && java.util.Arrays.stream(args).noneMatch(a -> a.equals("--warehouse")
                || a.startsWith("--ruralstat.warehouse=")) && System.getenv("RURALSTAT_WAREHOUSE") == null) {
            // a worker's DuckDB file is its own scratch, never a warehouse folder a manager may use
            try {
                scratch = WorkerScratch.create();
            } catch (java.io.IOException e) {
                System.err.println("ruralstat: cannot make the worker's scratch folder: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--warehouse",
                    scratch.toString())).toArray(String[]::new);
        }
        try {
            return executeParsed(args, scratch);
        } finally {
            deleteScratch(scratch);
        }
    }

    /** Deletes a worker's scratch folder, if this process made one (a second call finds nothing to do). */
    private static void deleteScratch(Path scratch) {
        if (scratch == null) {
            return;
        }
        try {
            Folders.delete(scratch);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("ruralstat: could not delete the worker's scratch folder " + scratch + ": " + e.getMessage());
        }
    }

    /** @param scratch the folder made for a worker's own DuckDB file, deleted when it stops; null for other commands */
    private static int executeParsed(String[] args, Path scratch) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
            SettingChecks.check(line.settings());
            line.checkDropFolder();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + " (--help for usage)");
            return ExitCodes.USAGE;
        }
        if (line.command().equals("check")) {
            return CheckCommand.execute(Path.of(line.sql()), line.submitter(), line.receipt(), line.settings(), System.out,
                    System.err);
        }
        if (line.command().equals("query")) {
            Path warehouse = line.warehouse().orElse(Path.of(System.getenv().getOrDefault("RURALSTAT_WAREHOUSE", "warehouse")));
            return QueryCommand.execute(warehouse, new QueryCommand.Output(line.csv(), line.bom(), line.parquet()), line.sql(),
                    System.out, System.err);
        }
        WarehouseLock lock = null;
        if (!line.command().equals("serve")) {
            // taken before Spring opens the job repository: a second run exits 3 whatever the timing
            Path warehouse = line.warehouse().or(() -> line.setting("ruralstat.warehouse").map(Path::of))
                    .orElse(Path.of(System.getenv().getOrDefault("RURALSTAT_WAREHOUSE", "warehouse")));
            try {
                lock = WarehouseLock.tryAcquire(warehouse);
            } catch (java.io.IOException e) {
                System.err.println("ruralstat: cannot use the warehouse folder " + warehouse + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
            if (lock == null) {
                System.err.println("ruralstat: another run holds " + WarehouseLock.fileOf(warehouse) + "; not starting a second one");
                return ExitCodes.LOCKED;
            }
        }
        try {
            return executeLocked(line, scratch);
        } finally {
            if (lock != null) {
                try {
                    lock.close();
                } catch (java.io.IOException e) {
                    System.err.println("ruralstat: could not release the run lock: " + e.getMessage());
                }
            }
        }
    }

    private static int executeLocked(CommandLine line, Path scratch) {
        DuckDbLibrary.loadInBackground();
        ReferencePreload.start(line.setting("ruralstat.seeds")
                .orElse(System.getenv().getOrDefault("RURALSTAT_SEEDS", "classpath:seeds/")));
        SpringApplication application = new SpringApplication(RuralstatApplication.class);
        application.setDefaultProperties(defaults(line));
        // Our own hook stops the job at a safe point before anything is closed (see GracefulShutdown).
        application.setRegisterShutdownHook(false);
        GracefulShutdown shutdown = null;
        int exitCode = ExitCodes.FAILED;
        try (ConfigurableApplicationContext context = application.run(line.springArguments())) {
            shutdown = context.getBean(GracefulShutdown.class);
            shutdown.install();
            RunFolders folders = RunFolders.of(context.getBean(RuralstatProperties.class));
            exitCode = switch (line.command()) {
                case "serve" -> context.getBean(ServeCommand.class).serve();
                case "retract" -> context.getBean(RunCommand.class).retractThenRun(folders, line.submissionId(), line.reason());
                case "recheck" -> context.getBean(RunCommand.class).recheckThenRun(folders, line.rejected(), line.submitter());
                case "worker" -> context.getBean(org.ruralstat.job.WorkerCommand.class).work();
                default -> context.getBean(RunCommand.class).run(folders);
            };
        } catch (Exception e) {
            System.err.println("ruralstat: the run failed: " + e.getMessage());
            exitCode = ExitCodes.FAILED;
        } finally {
            // before the shutdown hook may halt the JVM
            deleteScratch(scratch);
            if (shutdown != null) {
                shutdown.closed(exitCode);
            }
        }
        return exitCode;
    }

    private static Map<String, Object> defaults(CommandLine line) {
        Map<String, Object> defaults = new HashMap<>();
        String warehouse = System.getenv().getOrDefault("RURALSTAT_WAREHOUSE", "warehouse");
        Path directory = line.warehouse().orElse(Path.of(warehouse)).toAbsolutePath().normalize();
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("jobrepo").resolve("batch")
                + ";DB_CLOSE_ON_EXIT=FALSE");
        defaults.put("spring.datasource.username", "sa");
        return defaults;
    }

    /**
     * A parsed command line.
     */
    record CommandLine(String command, Path input, Path warehouseDir, boolean csv, String sql, String quietPeriod,
                       List<String> settings, String reason, boolean rejected, String submitter, boolean bom,
                       Path parquet, Path receipt) {

        static CommandLine parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("ruralstat: a command is required");
            }
            String command = args[0];
            if (!List.of("run", "serve", "query", "retract", "recheck", "check", "worker").contains(command)) {
                throw new IllegalArgumentException("ruralstat: unknown command '" + command + "'");
            }
            Path input = null;
            Path warehouse = null;
            boolean csv = false;
            String sql = null;
            String quietPeriod = null;
            String reason = null;
            boolean rejected = false;
            String submitter = null;
            boolean bom = false;
            Path parquet = null;
            Path receipt = null;
            List<String> settings = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--input" -> input = Path.of(value(args, ++i, arg));
                    case "--warehouse" -> warehouse = Path.of(value(args, ++i, arg));
                    case "--csv" -> csv = true;
                    case "--quiet-period" -> quietPeriod = duration(value(args, ++i, arg), arg);
                    case "--reason" -> reason = value(args, ++i, arg);
                    case "--rejected" -> rejected = true;
                    case "--bom" -> bom = true;
                    case "--parquet" -> parquet = Path.of(value(args, ++i, arg));
                    case "--submitter" -> submitter = code(value(args, ++i, arg));
                    case "--receipt" -> receipt = Path.of(value(args, ++i, arg));
                    default -> {
                        if (isSetting(arg) && !command.equals("query")) {
                            settings.add(arg);
                            continue;
                        }
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("ruralstat: unknown option '" + arg + "'");
                        }
                        boolean positional = command.equals("query") || command.equals("retract") || command.equals("check");
                        if (!positional || sql != null) {
                            throw new IllegalArgumentException("ruralstat: unexpected argument '" + arg + "'");
                        }
                        sql = arg;
                    }
                }
            }
            if (command.equals("retract")) {
                if (sql == null || !sql.matches("[0-9]{1,18}")) {
                    throw new IllegalArgumentException("ruralstat: retract needs the submission id (etl_submission.submission_id)");
                }
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("ruralstat: retract needs --reason TEXT, kept in the ledger");
                }
            } else if (reason != null) {
                throw new IllegalArgumentException("ruralstat: --reason applies to retract only");
            }
            if (command.equals("check")) {
                if (sql == null || submitter == null) {
                    throw new IllegalArgumentException("ruralstat: check needs a FILE and --submitter CODE");
                }
                if (input != null || warehouse != null || rejected) {
                    throw new IllegalArgumentException("ruralstat: check reads one file and touches no warehouse");
                }
            } else if (receipt != null) {
                throw new IllegalArgumentException("ruralstat: --receipt applies to check only");
            }
            if (!command.equals("recheck") && !command.equals("check") && (rejected || submitter != null)) {
                throw new IllegalArgumentException("ruralstat: --rejected and --submitter apply to recheck and check only");
            }
            if (command.equals("query") && (sql == null || sql.isBlank())) {
                throw new IllegalArgumentException("ruralstat: query needs a SQL statement");
            }
            if (command.equals("worker") && (input != null || quietPeriod != null)) {
                throw new IllegalArgumentException("ruralstat: a worker reads the files its manager hands it; --input "
                        + "and --quiet-period do not apply");
            }
            if (command.equals("query") && input != null) {
                throw new IllegalArgumentException("ruralstat: query reads the published warehouse; --input does not apply");
            }
            if (command.equals("query") && quietPeriod != null) {
                throw new IllegalArgumentException("ruralstat: query reads the published warehouse; --quiet-period does not apply");
            }
            if (!command.equals("query") && (csv || bom || parquet != null)) {
                throw new IllegalArgumentException("ruralstat: --csv, --bom and --parquet apply to query only");
            }
            if (bom && !csv) {
                throw new IllegalArgumentException("ruralstat: --bom goes with --csv");
            }
            if (csv && parquet != null) {
                throw new IllegalArgumentException("ruralstat: --csv prints to standard output; --parquet writes a file: choose one");
            }
            return new CommandLine(command, input, warehouse, csv, sql, quietPeriod, List.copyOf(settings), reason,
                    rejected, submitter, bom, parquet, receipt);
        }

        /** A setting given as {@code --ruralstat.name=value} or {@code --spring.name=value}, passed on to Spring. */
        private static boolean isSetting(String arg) {
            return (arg.startsWith("--ruralstat.") || arg.startsWith("--spring.") || arg.startsWith("--logging."))
                    && arg.indexOf('=') > 0;
        }

        private static String code(String text) {
            if (!text.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("ruralstat: --submitter needs a 6-digit region code, not '" + text + "'");
            }
            return text;
        }

        private static String duration(String text, String option) {
            try {
                if (DurationStyle.detectAndParse(text).isNegative()) {
                    throw new IllegalArgumentException("negative");
                }
                return text;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ruralstat: " + option + " needs a duration such as 60s, 5m or 0s, not '" + text + "'");
            }
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException("ruralstat: " + option + " needs a value");
            }
            return args[i];
        }

        /** The value of a {@code --name=value} setting given on the command line (the last one wins, as in Spring). */
        java.util.Optional<String> setting(String name) {
            String prefix = "--" + name + "=";
            String value = null;
            for (String setting : settings) {
                if (setting.startsWith(prefix)) {
                    value = setting.substring(prefix.length());
                }
            }
            return java.util.Optional.ofNullable(value);
        }

        /** A command that reads the drop folder needs it to exist: started from the wrong folder, say so in one line. */
        void checkDropFolder() {
            if (command.equals("query") || command.equals("check") || command.equals("worker")) {
                return;
            }
            Path folder = input != null ? input : setting("ruralstat.input").map(Path::of)
                    .orElse(Path.of(System.getenv().getOrDefault("RURALSTAT_INPUT", "input")));
            if (!java.nio.file.Files.isDirectory(folder)) {
                throw new IllegalArgumentException("ruralstat: the drop folder " + folder.toAbsolutePath().normalize()
                        + " does not exist; give --input DIR, or start from the folder that holds input/");
            }
        }

        long submissionId() {
            return Long.parseLong(sql);
        }

        java.util.Optional<Path> warehouse() {
            return java.util.Optional.ofNullable(warehouseDir);
        }

        String[] springArguments() {
            List<String> arguments = new ArrayList<>();
            arguments.add("--ruralstat.command=" + command);
            if (input != null) {
                arguments.add("--ruralstat.input=" + input);
            }
            if (warehouseDir != null) {
                arguments.add("--ruralstat.warehouse=" + warehouseDir);
            }
            if (quietPeriod != null) {
                arguments.add("--ruralstat.quiet-period=" + quietPeriod);
            }
            arguments.addAll(settings);
            return arguments.toArray(String[]::new);
        }
    }
}
