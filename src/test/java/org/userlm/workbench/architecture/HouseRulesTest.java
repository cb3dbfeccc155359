package org.userlm.workbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules beside the layer rules: Views see only their view models, view models expose no mutable public
 * state, only the command line writes to the standard streams, exports and reports sit above the engine, and the UI
 * feature packages do not depend on each other in a circle.
 */
class HouseRulesTest {
    private static final String ROOT = "org.userlm.workbench";
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** A View is any {@code ui} class named {@code ...View} (JudgeView, ColumnView, TurnView...). */
    private static DescribedPredicate<JavaClass> views() {
        return DescribedPredicate.describe("views", c -> c.getPackageName().startsWith(ROOT + ".ui")
                && c.getSimpleName().endsWith("View"));
    }

    /** What only view models (and the wiring) may hold: services, repositories, backends, threads. */
    private static DescribedPredicate<JavaClass> servicesAndThreads() {
        return DescribedPredicate.describe("services, repositories, backends or executors", c ->
                c.getSimpleName().endsWith("Repository") && c.getPackageName().startsWith(ROOT + ".storage")
                        || c.getPackageName().startsWith(ROOT + ".storage.sqlite")
                        || c.getFullName().equals(ROOT + ".ui.common.WorkbenchServices")
                        || c.getFullName().equals(ROOT + ".ui.common.TaskExecutor")
                        || c.getFullName().equals(ROOT + ".inference.ModelProvider")
                        || c.getFullName().equals(ROOT + ".inference.ChatModel")
                        || c.getFullName().equals(ROOT + ".simulation.ConversationRunner")
                        || c.getPackageName().startsWith(ROOT + ".simulation.compare")
                        || c.isAssignableTo(Executor.class));
    }

    @Test
    void viewsSeeOnlyViewModelsNotServicesRepositoriesOrThreads() {
        // Views may show value records (a ConversationSummary, a metrics row); they may not fetch or compute them.
        noClasses().that(views())
                .should().dependOnClassesThat(servicesAndThreads())
                .check(classes);
    }

    @Test
    void viewsDoNotBuildViewModels() {
        noClasses().that(views())
                .should().callConstructorWhere(DescribedPredicate.describe("the constructor of a view model",
                        (JavaConstructorCall call) -> call.getTargetOwner().getSimpleName().endsWith("ViewModel")))
                .because("view models are wired in one place (MainWindow / Workspaces) and handed to views")
                .check(classes);
    }

    @Test
    void viewModelsExposeNoPublicFields() {
        fields().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("ViewModel")
                .and().areNotStatic()
                .should().notBePublic()
                .because("views read view-model state through (read-only) property accessors")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        // Child-process probes print a line that the parent process reads, so they are part of the CLI: bench-start's
        // StartProbe (and its nested classes) and the model-folder check that runs in a short-lived child JVM.
        noClasses().that().resideOutsideOfPackage(ROOT + ".app..")
                .and().haveNameNotMatching(".*(Probe|\\.ModelFolderCheck)(\\$.*)?")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("everything else logs through SLF4J (the rolling log file)")
                .check(classes);
    }

    @Test
    void reportsAreUsedOnlyByTheCommandLineAndTheWindow() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".inference..", ROOT + ".storage..",
                        ROOT + ".tasks..", ROOT + ".simulation..", ROOT + ".evaluation..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".reports..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenUiFeatures() {
        slices().matching(ROOT + ".ui.(*)..").should().beFreeOfCycles().check(classes);
    }
}
