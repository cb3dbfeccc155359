package org.userlm.workbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/ARCHITECTURE.md. */
class LayerRulesTest {
    private static final String ROOT = "org.userlm.workbench";
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".app..", ROOT + ".ui..",
                        ROOT + ".inference..", ROOT + ".simulation..", ROOT + ".storage..", ROOT + ".tasks..",
                        ROOT + ".evaluation..")
                .check(classes);
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".ui..", ROOT + ".app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void uiNeverUsesConcreteBackendsOrSqlite() {
        noClasses().that().resideInAPackage(ROOT + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".inference.openai..",
                        ROOT + ".inference.djl..", ROOT + ".storage.sqlite..", "java.sql..")
                .check(classes);
    }

    @Test
    void simulationAndEvaluationUseInterfacesOnly() {
        noClasses().that().resideInAnyPackage(ROOT + ".simulation..", ROOT + ".evaluation..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".inference.openai..",
                        ROOT + ".inference.djl..", ROOT + ".storage.sqlite..", ROOT + ".app..", ROOT + ".ui..")
                .check(classes);
    }

    @Test
    void lowerLayersNeverReachUp() {
        noClasses().that().resideInAnyPackage(ROOT + ".inference..", ROOT + ".storage..", ROOT + ".tasks..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".simulation..", ROOT + ".app..",
                        ROOT + ".ui..", ROOT + ".evaluation..")
                .check(classes);
    }

    @Test
    void modelsStandsAlone() {
        // descriptors, downloads and GPU detection: usable by the UI without the engine, the database or JavaFX
        noClasses().that().resideInAPackage(ROOT + ".models..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".app..", ROOT + ".ui..",
                        ROOT + ".inference..", ROOT + ".simulation..", ROOT + ".storage..", ROOT + ".evaluation..",
                        "ai.djl..", "javafx..", "java.sql..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
