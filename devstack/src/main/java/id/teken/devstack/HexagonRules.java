package id.teken.devstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon of STYLE.md as ArchUnit rules, one call per service: the domain uses java.* only; the
 * application uses the domain, its ports and CDI/JTA annotations, never a framework or technology;
 * adapters reach each other only through ports.
 */
public final class HexagonRules {

    private HexagonRules() {
    }

    /** Checks the service's production classes under the base package; throws AssertionError on a breach. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : rules(basePackage)) {
            rule.check(classes);
        }
    }

    public static List<ArchRule> rules(String base) {
        String[] technologies = {"io.quarkus..", "jakarta.ws.rs..", "jakarta.persistence..", "org.hibernate..",
                "org.apache.kafka..", "org.bouncycastle..", "eu.europa.esig..", "id.teken.events..", "id.teken.kit..", "id.teken.internal..",
                "io.vertx..", "com.fasterxml..", "org.eclipse.microprofile..", "io.smallrye..", "org.apache.pdfbox.."};
        return List.of(
                classes().that().resideInAPackage(base + ".domain..")
                        .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".domain..", "java..")
                        .because("the domain is plain Java")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(base + ".application..")
                        .should().dependOnClassesThat().resideInAnyPackage(technologies)
                        .because("the application core knows no framework or technology")
                        .allowEmptyShould(true),
                noClasses().that().resideInAnyPackage(base + ".domain..", base + ".application..")
                        .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter..", base + ".config..")
                        .because("dependencies point inwards")
                        .allowEmptyShould(true),
                slices().matching(base + ".adapter.(*).(*)..").should().notDependOnEachOther()
                        .because("adapters talk to each other only through ports")
                        .allowEmptyShould(true));
    }
}
