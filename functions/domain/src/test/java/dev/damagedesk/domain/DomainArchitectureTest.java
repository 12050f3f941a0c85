package dev.damagedesk.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The domain is plain Java: no AWS, no JSON library, no framework, so every function can use it. */
class DomainArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.damagedesk.domain");

    @Test
    void dependsOnlyOnTheJdk() {
        ArchRule rule = classes().that().resideInAPackage("dev.damagedesk.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "dev.damagedesk.domain..")
                .because("the domain must stay free of AWS, JSON and framework code");

        rule.check(DOMAIN);
    }

    @Test
    void importsTheWholeDomain() {
        // Guards the rule above against passing vacuously on an empty import.
        assertThat(DOMAIN.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.damagedesk.domain.report", "dev.damagedesk.domain.validation",
                        "dev.damagedesk.domain.incident", "dev.damagedesk.domain.scoring",
                        "dev.damagedesk.domain.identity", "dev.damagedesk.domain.intake",
                        "dev.damagedesk.domain.policy", "dev.damagedesk.domain.triage",
                        "dev.damagedesk.domain.risk", "dev.damagedesk.domain.rescoring");
    }

    private static <T> org.assertj.core.api.ListAssert<T> assertThat(java.util.stream.Stream<T> stream) {
        return org.assertj.core.api.Assertions.assertThat(stream.toList());
    }
}
