package org.userlm.workbench.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.ui.common.BackgroundTask;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.TaskObserver;

class TaskBrowserViewModelTest {
    @TempDir
    Path dir;
    private GuiServices services;
    private TaskBrowserViewModel vm;

    @BeforeEach
    void open() {
        services = GuiServices.open(dir.resolve("t.db"));
        vm = new TaskBrowserViewModel(services, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void loadsTheBundledTasksAndSelectsTheOneAskedFor() {
        vm.load("bundled-code-02");
        assertEquals("bundled-code-02", vm.selectedProperty().get().id());
        assertTrue(vm.statusProperty().get().startsWith(services.tasks().all().size() + " tasks"),
                vm.statusProperty().get());
        vm.load("no-such-task");
        assertEquals(vm.visible().get(0), vm.selectedProperty().get(), "an unknown id falls back to the first");
    }

    /** Every task the list starts says what it is: on a cold start the status bar shows it after a second. */
    @Test
    void whatLoadingRunsIsNamedForTheStatusBar() {
        List<String> labels = new ArrayList<>();
        TaskExecutor recording = new CurrentThreadTaskExecutor(new TaskObserver() {
            @Override
            public void started(BackgroundTask<?> task) {
                labels.add(task.label());
            }

            @Override
            public <V> void ended(BackgroundTask<V> task, V value, Throwable failure) {
            }
        });
        new TaskBrowserViewModel(services, recording).load(null);
        assertEquals(List.of("Checking the code sandbox…", "Loading tasks…"), labels);
    }

    @Test
    void searchAndKindFilterTheVisibleTasks() {
        vm.load(null);
        int all = vm.visible().size();
        vm.kindProperty().set(TaskKind.CODE);
        assertTrue(vm.visible().stream().allMatch(t -> t.kind() == TaskKind.CODE));
        assertTrue(vm.visible().size() < all);
        vm.kindProperty().set(null);
        vm.queryProperty().set("zzz-no-such-words");
        assertTrue(vm.visible().isEmpty());
        vm.queryProperty().set("");
        assertEquals(all, vm.visible().size());
    }

    @Test
    void importsATaskFileAndSelectsItsFirstTask() {
        vm.load(null);
        int before = vm.visible().size();
        vm.importFiles(List.of(SharedData.file("gsm8k/test.jsonl")));
        assertEquals("Imported 1319 tasks", vm.statusProperty().get());
        assertEquals(before + 1319, vm.visible().size());
        Task selected = vm.selectedProperty().get();
        assertEquals("gsm8k/0", selected.id());
    }

    @Test
    void aFileInNoKnownFormatIsOneMessageAndNothingIsStored() throws Exception {
        vm.load(null);
        int before = services.tasks().all().size();
        Path bad = Files.writeString(dir.resolve("notes.json"), "{\"hello\": \"world\"}");
        vm.importFiles(List.of(bad));
        assertTrue(vm.statusProperty().get().startsWith("Import failed: "), vm.statusProperty().get());
        assertEquals(before, services.tasks().all().size());
        assertFalse(vm.statusProperty().get().contains("Exception"), vm.statusProperty().get());
    }
}
