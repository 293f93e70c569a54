package org.ruralstat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages follow the data (docs/decisions.md, "Packages"): a file is discovered, read, its values normalised and
 * validated, staged and checked as a set, then published. Each stage may use the stages before it and the
 * foundations (text, reference data, subject definitions, the warehouse's connections), never one after it;
 * feedback and the report sit at the side and are used only by the job that runs everything.
 */
class PackageArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ruralstat");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.ruralstat.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void dependenciesRunAlongTheDataPath() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy("org.ruralstat")
                .layer("query").definedBy("org.ruralstat.query..")
                .layer("job").definedBy("org.ruralstat.job..")
                .layer("feedback").definedBy("org.ruralstat.feedback..")
                .layer("report").definedBy("org.ruralstat.report..")
                .layer("publish").definedBy("org.ruralstat.publish..")
                .layer("stage").definedBy("org.ruralstat.stage..")
                .layer("validate").definedBy("org.ruralstat.validate..")
                .layer("normalize").definedBy("org.ruralstat.normalize..")
                .layer("read").definedBy("org.ruralstat.read..")
                .layer("discover").definedBy("org.ruralstat.discover..")
                .layer("warehouse").definedBy("org.ruralstat.warehouse..")
                .layer("subject").definedBy("org.ruralstat.subject..")
                .layer("reference").definedBy("org.ruralstat.reference..")
                .layer("text").definedBy("org.ruralstat.text..")

                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("query").mayOnlyBeAccessedByLayers("application")
                .whereLayer("job").mayOnlyBeAccessedByLayers("application")
                .whereLayer("feedback").mayOnlyBeAccessedByLayers("job", "application")
                .whereLayer("report").mayOnlyBeAccessedByLayers("job", "application")
                .whereLayer("publish").mayOnlyBeAccessedByLayers("job", "application", "feedback", "report")
                .whereLayer("stage").mayOnlyBeAccessedByLayers("publish", "job", "application", "feedback", "report")
                .whereLayer("validate").mayOnlyBeAccessedByLayers("stage", "publish", "job", "application",
                        "feedback", "report")
                .whereLayer("normalize").mayOnlyBeAccessedByLayers("validate", "stage", "publish", "job",
                        "application", "feedback", "report")
                .whereLayer("read").mayOnlyBeAccessedByLayers("normalize", "validate", "stage", "publish", "job",
                        "application", "feedback", "report")
                .whereLayer("discover").mayOnlyBeAccessedByLayers("read", "normalize", "validate", "stage", "publish",
                        "job", "application", "feedback", "report")
                .whereLayer("warehouse").mayOnlyAccessLayers("subject", "reference", "text")
                .whereLayer("subject").mayOnlyAccessLayers("reference", "text")
                .whereLayer("reference").mayOnlyAccessLayers("text")
                .whereLayer("text").mayNotAccessAnyLayer()
                .check(classes);
    }
}
