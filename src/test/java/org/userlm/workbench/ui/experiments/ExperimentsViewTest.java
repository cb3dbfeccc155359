package org.userlm.workbench.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.simulation.experiment.ExperimentProgress;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.testing.ExperimentFixture;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/** TestFX drives the Experiments workspace: define, run, pause, resume, open a cell, export a chart. */
class ExperimentsViewTest extends FxRobot {
    @TempDir
    Path dir;
    ExperimentFixture fx;
    GuiServices services;
    ExperimentsViewModel vm;
    ExperimentsView view;
    String opened;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        fx = new ExperimentFixture(25);
        services = GuiServices.open(dir.resolve("w.db"));
        services.tasks().upsert(TaskFiles.load(ExperimentFixture.tasks(dir, 12)));
        List<BackendProfile> profiles = List.of(
                new BackendProfile("users · ulm", BackendChoice.OPENAI_CHAT, fx.users.baseUrl(), "ulm", null, null),
                new BackendProfile("users · pu", BackendChoice.OPENAI_CHAT, fx.users.baseUrl(), "pu", null, null),
                new BackendProfile("assistant · a", BackendChoice.OPENAI_CHAT, fx.assistants.baseUrl(), "asst-a",
                        null, null));
        vm = new ExperimentsViewModel(services, new ThreadPoolTaskExecutor(Platform::runLater), () -> profiles);
        view = WaitForAsyncUtils.asyncFx(() -> new ExperimentsView(vm, id -> opened = id)).get(10, TimeUnit.SECONDS);
        FxToolkit.setupStage((Stage s) -> {
            s.setScene(new Scene(view, 1270, 790));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        interact(view::stop);
        FxToolkit.cleanupStages();
        services.close();
        fx.close();
    }

    @Test
    void defineRunPauseResumeOpenACellAndExportAChart() throws Exception {
        waitFor(() -> fxCall(() -> vm.allTasks.stream().filter(t -> t.id().startsWith("t-")).count()) == 12);
        // Before any result the dashboard says what will be there (not JavaFX's "No columns in table").
        assertTrue(fxCall(() -> lookup("#noCharts").query().isVisible()));
        assertTrue(fxCall(() -> ((javafx.scene.control.Labeled) lookup("#metricsTable").queryAs(TableView.class)
                .getPlaceholder()).getText()).contains("once an experiment has results"));
        assertTrue(fxCall(() -> lookup("#exportPng").query().isDisabled() && lookup("#exportHtml").query().isDisabled()));
        // Define: name, tasks by search, two simulators and one assistant from the saved profiles.
        doubleClickOn("#expName").write("gui run");
        clickOn("#expTaskSearch").write("t-0");
        clickOn("#expSelectShown");
        assertEquals(9, (int) fxCall(() -> vm.form.tasks.size()));
        interact(() -> lookup("#simKind").queryAs(javafx.scene.control.ChoiceBox.class).setValue("userlm"));
        interact(() -> combo("#simProfile").getSelectionModel().select(0));
        clickOn("#addSimulator");
        interact(() -> lookup("#simKind").queryAs(javafx.scene.control.ChoiceBox.class).setValue("prompted"));
        interact(() -> combo("#simProfile").getSelectionModel().select(1));
        clickOn("#addSimulator");
        interact(() -> combo("#asstProfile").getSelectionModel().select(2));
        clickOn("#addAssistant");
        assertEquals(2, (int) fxCall(() -> vm.form.simulators.size()));
        assertTrue(fxCall(() -> vm.form.toJson()).contains("\"name\" : \"gui run\""));

        clickOn("#runExperiment");
        waitFor(() -> progress() != null && progress().finished() >= 4);
        clickOn("#pauseExperiment");
        waitFor(() -> progress().state() == ExperimentProgress.State.PAUSED
                && storedStatus() == Experiment.Status.PAUSED);
        assertTrue(fxCall(() -> lookup("#expProgressText").queryLabeled().getText()).startsWith("paused"));
        clickOn("#resumeExperiment");
        waitFor(() -> !fxCall(() -> vm.running.get()) && fxCall(() -> vm.report.get()) != null);
        assertEquals(36, progress().finished());
        assertFalse(fxCall(() -> lookup("#noCharts").query().isVisible()));
        assertFalse(fxCall(() -> lookup("#exportPng").query().isDisabled() || lookup("#exportCsv").query().isDisabled()));
        assertEquals(Experiment.Status.DONE, storedStatus());

        // Open a cell: its conversations are listed; double-click opens one.
        waitFor(() -> fxCall(() -> lookup("#expCells").queryAs(TableView.class).getItems().size()) == 2);
        interact(() -> lookup("#expCells").queryAs(TableView.class).getSelectionModel().select(0));
        @SuppressWarnings("unchecked")
        ListView<ExperimentSlot> list = fxCall(() -> lookup("#cellConversations").queryAs(ListView.class));
        waitFor(() -> fxCall(() -> list.getItems().size()) == 18);
        interact(() -> list.getSelectionModel().select(0));
        doubleClickOn(fxCall(() -> list.lookupAll(".list-cell").stream().filter(n -> ((javafx.scene.control.ListCell<?>) n)
                .getIndex() == 0).findFirst().orElseThrow()));
        waitFor(() -> opened != null);
        assertEquals(fxCall(() -> list.getItems().get(0).conversationId()), opened);

        // Export the selected chart as PNG and SVG.
        Path png = dir.resolve("success.png");
        Path svg = dir.resolve("success.svg");
        interact(() -> view.dashboard().exportPng(png));
        interact(() -> view.dashboard().exportSvg(svg));
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 200 && img.getHeight() > 100, img.getWidth() + "x" + img.getHeight());
        assertTrue(Files.readString(svg).contains("Success rate"));
    }

    private ExperimentProgress progress() {
        return fxCall(() -> vm.progress.get());
    }

    private Experiment.Status storedStatus() {
        return services.experiments().list().get(0).status();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<BackendProfile> combo(String id) {
        return lookup(id).queryAs(ComboBox.class);
    }

    private static <T> T fxCall(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
