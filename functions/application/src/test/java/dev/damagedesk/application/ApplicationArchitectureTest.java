package dev.damagedesk.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The use cases depend on the domain and their ports only: no AWS, no JSON library, no adapter. */
class ApplicationArchitectureTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.damagedesk.application");

    @Test
    void dependsOnlyOnTheJdkAndTheDomain() {
        classes().that().resideInAPackage("dev.damagedesk.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.damagedesk.domain..", "dev.damagedesk.application..")
                .because("use cases run over ports; the adapters implement them")
                .check(APPLICATION);
    }

    @Test
    void importsTheUseCasesAndPorts() {
        assertThat(APPLICATION.stream().map(JavaClass::getPackageName).distinct().toList())
                .contains("dev.damagedesk.application.port", "dev.damagedesk.application.audit",
                        "dev.damagedesk.application.scoring", "dev.damagedesk.application.memory",
                        "dev.damagedesk.application.staff");
    }
}
