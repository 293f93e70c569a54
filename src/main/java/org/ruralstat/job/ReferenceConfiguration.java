package org.ruralstat.job;

import org.ruralstat.read.LayoutDetector;
import org.ruralstat.reference.CodeListCatalog;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.reference.RegionDirectory;
import org.ruralstat.reference.Seeds;
import org.ruralstat.reference.UnitCatalog;
import org.ruralstat.subject.HeaderAliasMatcher;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.RuleCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Loads what the job checks against: subject and rule definitions from {@code jobs/}, reference data from
 * {@code seeds/}. Nothing here depends on a run's folders (the cadre key is read per run, {@link Workspaces}).
 * A broken definition fails start-up, before any file is read.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    @Bean
    SubjectCatalog subjectCatalog(RuralstatProperties properties, ReferenceData reference) throws IOException {
        return loadSubjects(properties.definitions(), reference);
    }

    /** The subjects of the definitions at a Spring resource pattern, checked against the reference data. */
    static SubjectCatalog loadSubjects(String definitions, ReferenceData reference) throws IOException {
        List<SubjectDefinition> subjects = new ArrayList<>();
        for (Resource resource : definitions(definitions)) {
            if (isSubject(resource)) {
                SubjectDefinition subject = SubjectCatalog.parse(resource.getFilename(), resource.getInputStream());
                for (var indicator : subject.indicators()) {
                    if (!reference.indicatorUnits().containsKey(indicator.code())) {
                        throw new IllegalStateException(resource.getFilename() + ": indicator " + indicator.code()
                                + " is not in seeds/indicators.csv");
                    }
                }
                for (var field : subject.fields()) {
                    if (field.codelist() != null && !reference.codeLists().hasList(field.codelist())) {
                        throw new IllegalStateException(resource.getFilename() + ": code list " + field.codelist()
                                + " is not in seeds/codelists.csv");
                    }
                }
                subjects.add(subject);
            }
        }
        if (subjects.isEmpty()) {
            throw new IllegalStateException("no subject definitions found at " + definitions);
        }
        return new SubjectCatalog(subjects);
    }

    @Bean
    RuleCatalog ruleCatalog(RuralstatProperties properties) throws IOException {
        return loadRules(properties.definitions());
    }

    /** Every rule of the definitions at a Spring resource pattern. */
    static RuleCatalog loadRules(String definitions) throws IOException {
        RuleCatalog rules = new RuleCatalog();
        for (Resource resource : definitions(definitions)) {
            rules.addAll(resource.getFilename(), resource.getInputStream());
        }
        return rules;
    }

    @Bean
    LayoutDetector layoutDetector(SubjectCatalog subjects, ReferenceData reference) {
        return new LayoutDetector(subjects.all().stream().map(s -> new HeaderAliasMatcher(s, reference.units())).toList());
    }

    @Bean
    ReferenceData referenceData(RuralstatProperties properties, ResourceLoader loader) throws Exception {
        return ReferencePreload.take(properties.seeds(), () -> loadReferenceData(properties.seeds(), loader));
    }

    /** The reference data of the seeds folder at a Spring resource location. */
    static ReferenceData loadReferenceData(String seeds, ResourceLoader loader) throws IOException {
        Map<String, String> indicatorUnits = new HashMap<>();
        for (Map<String, String> row : Seeds.rows(seed(seeds, loader, "indicators.csv"))) {
            indicatorUnits.put(row.get("indicator_code"), row.get("unit"));
        }
        Map<String, java.util.Set<String>> projectTypeUnits = new HashMap<>();
        for (Map<String, String> row : Seeds.rows(seed(seeds, loader, "project_units.csv"))) {
            projectTypeUnits.computeIfAbsent(row.get("project_type"), k -> new java.util.TreeSet<>()).add(row.get("canonical_unit"));
        }
        Map<String, java.util.Set<String>> indicatorAlsoUnits = new HashMap<>();
        for (Map<String, String> row : Seeds.rows(seed(seeds, loader, "indicator_units.csv"))) {
            indicatorAlsoUnits.computeIfAbsent(row.get("indicator_code"), k -> new java.util.TreeSet<>()).add(row.get("unit"));
        }
        return new ReferenceData(new RegionDirectory(Seeds.regions(seed(seeds, loader, "regions.csv")),
                        Seeds.rows(seed(seeds, loader, "region_changes.csv"))),
                new UnitCatalog(Seeds.rows(seed(seeds, loader, "units.csv"))),
                new CodeListCatalog(Seeds.rows(seed(seeds, loader, "codelists.csv"))), indicatorUnits, projectTypeUnits,
                indicatorAlsoUnits);
    }

    @Bean
    SeedFingerprint seedFingerprint(RuralstatProperties properties, ResourceLoader loader) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : List.of("regions.csv", "indicators.csv")) {
                try (InputStream in = seed(properties, loader, name)) {
                    digest.update(in.readAllBytes());
                }
            }
            return new SeedFingerprint(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Resource[] definitions(String pattern) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
        java.util.Arrays.sort(found, java.util.Comparator.comparing(Resource::getFilename));
        return found;
    }

    private static boolean isSubject(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().anyMatch(line -> line.startsWith("subject:"));
        }
    }

    static InputStream seed(RuralstatProperties properties, ResourceLoader loader, String name) throws IOException {
        return seed(properties.seeds(), loader, name);
    }

    private static InputStream seed(String seeds, ResourceLoader loader, String name) throws IOException {
        String base = seeds.endsWith("/") ? seeds : seeds + "/";
        Resource resource = loader.getResource(base + name);
        if (!resource.exists()) {
            throw new IOException("seed file not found: " + base + name);
        }
        return resource.getInputStream();
    }

    /** A fingerprint of the seeds that feed the dimension tables, so they reload only when changed. */
    record SeedFingerprint(String value) {
    }
}
