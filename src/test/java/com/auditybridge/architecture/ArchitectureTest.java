package com.auditybridge.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auditybridge.upstream.RetryPolicy;
import com.auditybridge.upstream.UpstreamGate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between the packages (docs/architecture.md): each top-level package of the service is a slice, and the
 * slices form no cycle; nothing reaches the simulator but over HTTP; the upstream clients know nothing of runs.
 */
class ArchitectureTest {
    private static final String ROOT = "com.auditybridge";
    private static JavaClasses service;

    /** Each package under the root, as one slice with its sub-packages. */
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @BeforeAll
    static void importTheService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void thePackagesFormNoCycle() {
        NO_PACKAGE_CYCLES.check(service);
    }

    @Test
    void theCycleRuleFailsOnACycleMadeOnPurpose() {
        JavaClasses cyclic = new ClassFileImporter().importPackages(ROOT + ".architecture.cycle");

        assertThatThrownBy(() -> slices().matching(ROOT + ".architecture.cycle.(*)..")
                        .should()
                        .beFreeOfCycles()
                        .check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void nothingOfTheServiceImportsTheSimulator() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".sim..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".sim..")
                .check(service);
    }

    @Test
    void theSimulatorImportsNothingOfTheService() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".sim..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".sim.."))))
                .check(service);
    }

    @Test
    void theUpstreamClientsKnowNothingOfRunsCallbacksOrIntake() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".audity..", ROOT + ".repoaudit..", ROOT + ".upstream..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".run..",
                        ROOT + ".callback..",
                        ROOT + ".intake..",
                        ROOT + ".leadsync..",
                        ROOT + ".scheduling..",
                        ROOT + ".connection..")
                .check(service);
    }

    @Test
    void theHttpClientsKnowNothingOfRateLimitsOrRetries() {
        noClasses()
                .that()
                .haveSimpleNameStartingWith("Http")
                .and()
                .resideInAnyPackage(ROOT + ".audity..", ROOT + ".repoaudit..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(UpstreamGate.class, RetryPolicy.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("io.github.resilience4j..")
                .check(service);
    }
}
