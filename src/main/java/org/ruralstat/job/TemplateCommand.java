package org.ruralstat.job;

import org.ruralstat.feedback.ReturnTemplate;
import org.ruralstat.feedback.ReturnTemplateWriter;
import org.ruralstat.feedback.ReturnTemplates;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.reference.Region;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.text.PersonalDataMasker;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ruralstat template --submitter CODE --subject NAME --period YEAR}: writes the xlsx a bureau fills in
 * (see {@link ReturnTemplates}). Reads the same definitions and seeds as a run; needs no warehouse and no Spring
 * context.
 */
public final class TemplateCommand {

    private static final List<String> LEVELS = List.of("county", "township", "village");

    private TemplateCommand() {
    }

    /** A template request as the command line gives it. */
    public record Request(String submitter, String subject, int year, String level, Path out, List<String> settings) {
    }

    /** The request of {@code template} arguments (the command word first); a usage error says what is wrong in one line. */
    public static Request parse(String... args) {
        String submitter = null;
        String subject = null;
        Integer year = null;
        String level = "village";
        Path out = null;
        List<String> settings = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--submitter" -> submitter = value(args, ++i, arg);
                case "--subject" -> subject = value(args, ++i, arg);
                case "--period" -> year = year(value(args, ++i, arg));
                case "--level" -> level = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--ruralstat.") && arg.indexOf('=') > 0) {
                        settings.add(arg);
                    } else {
                        throw new IllegalArgumentException("ruralstat: unexpected argument '" + arg + "' for template");
                    }
                }
            }
        }
        if (submitter == null || !submitter.matches("[0-9]{6}") || subject == null || year == null) {
            throw new IllegalArgumentException("ruralstat: template needs --submitter CODE (6 digits) --subject NAME --period YEAR");
        }
        if (out != null && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new IllegalArgumentException("ruralstat: --out names an .xlsx file");
        }
        return new Request(submitter, subject, year, level, out, List.copyOf(settings));
    }

    private static int year(String text) {
        if (!text.matches("(19|20)[0-9]{2}")) {
            throw new IllegalArgumentException("ruralstat: --period needs a year such as 2022, not '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException("ruralstat: " + option + " needs a value");
        }
        return args[i];
    }

    public static int execute(Request request, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (!LEVELS.contains(request.level())) {
            err.println("ruralstat: --level is one of " + String.join(", ", LEVELS));
            return ExitCodes.USAGE;
        }
        try {
            String seeds = setting(request, environment, "seeds").orElse("classpath:seeds/");
            String definitions = setting(request, environment, "definitions").orElse("classpath*:jobs/*.yml");
            ReferenceData reference = ReferenceConfiguration.loadReferenceData(seeds, new DefaultResourceLoader());
            SubjectCatalog subjects = ReferenceConfiguration.loadSubjects(definitions, reference);
            Optional<SubjectDefinition> subject = subjects.find(request.subject());
            if (subject.isEmpty()) {
                err.println("ruralstat: no subject '" + PersonalDataMasker.forLog(request.subject()) + "'; subjects: "
                        + String.join(", ", subjects.all().stream().map(SubjectDefinition::name).toList()));
                return ExitCodes.USAGE;
            }
            Optional<Region> submitter = reference.regions().byCode(request.submitter());
            if (submitter.isEmpty()) {
                err.println("ruralstat: " + request.submitter() + " is not a region code of seeds/regions.csv");
                return ExitCodes.USAGE;
            }
            ReturnTemplate template = new ReturnTemplates(reference, ReferenceConfiguration.loadRules(definitions))
                    .plan(subject.get(), submitter.get(), request.year(), request.level());
            Path target = request.out() != null ? request.out() : Path.of("模板-" + request.submitter() + "-"
                    + subject.get().nameZh() + "-" + request.year() + ".xlsx");
            ReturnTemplateWriter.write(template, target);
            out.printf("ruralstat template: %s%n  %s, %d region row(s), %d column(s); fill it in and drop it in input/%s/%n",
                    target, template.title(), template.rows().size(), template.columns().size(), request.submitter());
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("ruralstat: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) {
            err.println("ruralstat: could not write the template: " + PersonalDataMasker.forLog(String.valueOf(e.getMessage())));
            return ExitCodes.FAILED;
        }
    }

    private static Optional<String> setting(Request request, Map<String, String> environment, String name) {
        String prefix = "--ruralstat." + name + "=";
        return request.settings().stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length()))
                .reduce((first, second) -> second)
                .or(() -> Optional.ofNullable(environment.get("RURALSTAT_" + name.toUpperCase(java.util.Locale.ROOT))));
    }
}
