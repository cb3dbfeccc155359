package org.userlm.workbench.ui.models;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.userlm.workbench.models.DownloadProgress;
import org.userlm.workbench.models.LocalFolders;
import org.userlm.workbench.models.ModelDescriptor;
import org.userlm.workbench.models.ServerPresets;
import org.userlm.workbench.ui.common.Notify;

/**
 * The model manager: known models (size, memory on GPU/CPU, licence, gating) with a detail pane that says whether
 * the selected model fits this machine and downloads it with progress, speed, time left, pause and cancel; the
 * model folders on this machine (workbench downloads and the Hugging Face cache); the server presets.
 */
public final class ModelManagerView extends BorderPane {
    private final ModelManagerViewModel vm;
    private final Consumer<LocalFolders.Folder> useFolder;

    /** {@code useFolder} is called with a folder the user picks ("Use as simulator"), may be null. */
    public ModelManagerView(ModelManagerViewModel vm, Consumer<LocalFolders.Folder> useFolder) {
        this.vm = vm;
        this.useFolder = useFolder;
        getStyleClass().add("model-manager");
        TabPane tabs = new TabPane(new Tab("Models", catalog()), new Tab("On this machine", folders()),
                new Tab("Servers", servers()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().get(1).setId("foldersTab");
        setCenter(tabs);
        Label gpu = new Label();
        gpu.setId("gpuLabel");
        gpu.textProperty().bind(vm.gpuText);
        gpu.setWrapText(true);
        gpu.getStyleClass().add("hint");
        Button cuda = new Button("Install CUDA libtorch (about 3 GB)");
        cuda.setId("installCudaButton");
        cuda.visibleProperty().bind(vm.cudaOffer);
        cuda.managedProperty().bind(vm.cudaOffer);
        cuda.disableProperty().bind(vm.downloading);
        cuda.setOnAction(e -> vm.installCuda());
        HBox.setHgrow(gpu, Priority.ALWAYS);
        HBox bottom = new HBox(10, gpu, cuda);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        setBottom(bottom);
    }

    private SplitPane catalog() {
        TableView<ModelDescriptor> table = new TableView<>(vm.descriptors);
        table.setId("modelTable");
        table.getColumns().add(col("Model", 180, ModelDescriptor::name));
        table.getColumns().add(col("Role", 80, d -> d.role().equals("user_simulator") ? "simulator" : d.role()));
        table.getColumns().add(col("Download", 90, d -> DownloadProgress.human(d.knownDownloadBytes())
                + (d.sizesUnverified() ? " ≈" : "")));
        table.getColumns().add(col("GPU F16", 75, d -> gb(d, "gpu")));
        table.getColumns().add(col("CPU F32", 75, d -> gb(d, "cpu")));
        table.getColumns().add(col("Licence", 70, d -> d.licence() == null ? "" : d.licence().gated() ? "gated"
                : "open"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                vm.selected.set(d);
            }
        });
        vm.selected.addListener((o, a, d) -> {
            if (d != null && table.getSelectionModel().getSelectedItem() != d) {
                table.getSelectionModel().select(d);
            }
        });
        SplitPane split = new SplitPane(table, detail());
        split.setDividerPositions(0.6);
        return split;
    }

    private VBox detail() {
        Label title = new Label();
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        title.setId("modelTitle");
        Label about = wrapping("modelAbout");
        Label fit = wrapping("fitLabel");
        fit.textProperty().bind(vm.fitText);
        vm.selected.addListener((o, a, d) -> {
            title.setText(d == null ? "" : d.name());
            about.setText(d == null ? "" : describe(d));
        });
        Button download = new Button("Download");
        download.setId("downloadButton");
        download.setDefaultButton(true);
        download.disableProperty().bind(vm.downloading.or(vm.selected.isNull()));
        download.setOnAction(e -> vm.download());
        Button pause = new Button("Pause");
        pause.setId("pauseButton");
        pause.disableProperty().bind(vm.downloading.not());
        pause.setOnAction(e -> vm.pause());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.disableProperty().bind(vm.downloading.not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("downloadProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.downloadFraction);
        bar.visibleProperty().bind(vm.downloading);
        vm.downloading.addListener((o, was, now) -> {
            if (was && !now) { // the final line is set just after the flag drops
                Platform.runLater(() -> Notify.info(this, "Download", vm.downloadText.get()));
            }
        });
        Label status = wrapping("downloadStatus");
        status.textProperty().bind(vm.downloadText);
        VBox box = new VBox(8, title, about, fit, new HBox(8, download, pause, cancel), bar, status);
        box.setPadding(new Insets(12));
        box.setMinWidth(280);
        return box;
    }

    private static String describe(ModelDescriptor d) {
        StringBuilder b = new StringBuilder();
        b.append(d.repo()).append(" @ ").append(d.revision()).append('\n');
        if (d.description() != null) {
            b.append(d.description()).append('\n');
        }
        if (d.licence() != null) {
            b.append("Licence: ").append(d.licence().name());
            if (d.licence().gated()) {
                b.append(" — gated: accept it on the model page while logged in, then set HF_TOKEN");
            }
            b.append('\n');
        }
        if (d.sampling() != null) {
            b.append(String.format(Locale.ROOT, "Sampling: temperature %s, top-p %s (%s)%n",
                    d.sampling().temperature(), d.sampling().topP(), d.sampling().source()));
        }
        b.append(d.files().size()).append(" files, ").append(DownloadProgress.human(d.knownDownloadBytes()));
        if (d.sizesUnverified()) {
            b.append(" (sizes not verified; the Hub's listing decides)");
        }
        return b.toString();
    }

    private BorderPane folders() {
        TableView<LocalFolders.Folder> table = new TableView<>(vm.folders);
        table.setId("folderTable");
        table.getColumns().add(col("Repository", 200, f -> f.repo() == null ? "?" : f.repo()));
        table.getColumns().add(col("Where", 80, LocalFolders.Folder::source));
        table.getColumns().add(col("Size", 80, f -> DownloadProgress.human(f.bytes())));
        table.getColumns().add(col("Ready", 60, f -> f.loadable() ? "yes" : "partial"));
        table.getColumns().add(col("Folder", 320, f -> f.dir().toString()));
        table.setPlaceholder(new Label("No model folders yet: download one, or point HF_HOME at your cache."));
        Button use = new Button("Use as user simulator");
        use.setId("useFolderButton");
        use.disableProperty().bind(Bindings.createBooleanBinding(() -> useFolder == null
                || table.getSelectionModel().getSelectedItem() == null
                || !table.getSelectionModel().getSelectedItem().loadable(),
                table.getSelectionModel().selectedItemProperty()));
        use.setOnAction(e -> useFolder.accept(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        BorderPane p = new BorderPane(table);
        HBox buttons = new HBox(8, use, refresh);
        buttons.setPadding(new Insets(8));
        p.setBottom(buttons);
        return p;
    }

    private static TableView<ServerPresets.Preset> servers() {
        TableView<ServerPresets.Preset> t = new TableView<>();
        t.getItems().setAll(ServerPresets.all());
        t.getColumns().add(col("Server", 200, ServerPresets.Preset::name));
        t.getColumns().add(col("Base URL", 220, ServerPresets.Preset::baseUrl));
        t.getColumns().add(col("Start it with", 360, ServerPresets.Preset::howToStart));
        return t;
    }

    private static String gb(ModelDescriptor d, String device) {
        ModelDescriptor.MemoryFigure m = d.memoryOn(device);
        return m == null ? "?" : String.format(Locale.ROOT, "%.1f GB", m.totalGb());
    }

    private static Label wrapping(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(l, Priority.NEVER);
        return l;
    }

    private static <T> TableColumn<T, String> col(String name, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }
}
