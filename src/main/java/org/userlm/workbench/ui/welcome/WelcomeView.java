package org.userlm.workbench.ui.welcome;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.models.ModelCatalog;
import org.userlm.workbench.models.ModelDescriptor;
import org.userlm.workbench.models.ServerPresets;

/**
 * The first-run page: four ways in — the offline demo, a server (vLLM, Ollama, LM Studio, llama.cpp, a hosted
 * API; presets fill in their default URLs), downloading UserLM-8b, or a model folder already on disk.
 */
public final class WelcomeView extends VBox {
    private final ComboBox<ServerPresets.Preset> preset = new ComboBox<>();
    private final TextField url = new TextField();
    private final TextField model = new TextField("microsoft/UserLM-8b");

    public WelcomeView(WelcomeActions actions) {
        getStyleClass().add("welcome");
        setSpacing(14);
        setPadding(new Insets(24));
        Label title = new Label("Welcome to UserLM Workbench");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label sub = new Label("Study user simulators against assistants. Pick a way in; you can change it any time"
                + " in the settings pane.");
        sub.setWrapText(true);

        Button demo = button("demoButton", "Start the demo", actions::demo);
        Node demoCard = card("Try the offline demo", "Scripted models stream a whole conversation. Nothing to "
                + "install, no network, no GPU.", demo);

        preset.setId("presetBox");
        preset.getItems().setAll(ServerPresets.all());
        preset.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ServerPresets.Preset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        });
        preset.setButtonCell(preset.getCellFactory().call(null));
        preset.valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                url.setText(p.baseUrl());
            }
        });
        preset.getSelectionModel().selectFirst();
        url.setId("serverUrl");
        model.setId("serverModel");
        Button connect = button("connectButton", "Use this server",
                () -> actions.server(preset.getValue(), url.getText().strip(), model.getText().strip()));
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        form.addRow(0, new Label("Server"), preset);
        form.addRow(1, new Label("URL"), url);
        form.addRow(2, new Label("Model"), model);
        GridPane.setHgrow(url, Priority.ALWAYS);
        Node serverCard = card("Connect to a server", "Any OpenAI-compatible server; the key of a hosted API is "
                + "read from an environment variable, never stored.", form, connect);

        ModelDescriptor u = ModelCatalog.bundled().stream().filter(d -> d.id().equals("userlm-8b")).findFirst()
                .orElse(null);
        String size = u == null ? "" : String.format(Locale.ROOT, " About %.0f GB of F32 safetensors; needs "
                + "%.1f GB on a GPU in F16.", u.knownDownloadBytes() / 1e9, u.memoryOn("gpu").totalGb());
        Button download = button("downloadUserLmButton", "Download UserLM-8b…", () -> actions.download("userlm-8b"));
        Node downloadCard = card("Download UserLM-8b", "From the Hugging Face Hub, with resume and checksums; "
                + "models already in your Hugging Face cache are used in place." + size, download);

        Button folder = button("openFolderButton", "Choose a folder…", actions::openFolder);
        Node folderCard = card("Open a model folder", "A Hugging Face Llama folder with safetensors weights "
                + "(config.json, tokenizer.json), run in-process on the GPU or CPU.", folder);

        GridPane cards = new GridPane();
        cards.setHgap(14);
        cards.setVgap(14);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        cards.getColumnConstraints().addAll(half, half);
        cards.add(demoCard, 0, 0);
        cards.add(serverCard, 1, 0);
        cards.add(downloadCard, 0, 1);
        cards.add(folderCard, 1, 1);

        CheckBox again = new CheckBox("Show this page at start");
        again.setId("showAgain");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = button("closeWelcome", "Close", () -> actions.close(again.isSelected()));
        HBox footer = new HBox(10, again, spacer, close);
        footer.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, sub, cards, footer);
    }

    private static Node card(String heading, String text, Node... content) {
        Label h = new Label(heading);
        h.getStyleClass().add("section-title");
        h.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        Label t = new Label(text);
        t.setWrapText(true);
        VBox box = new VBox(8, h, t);
        box.getChildren().addAll(content);
        box.setPadding(new Insets(14));
        box.getStyleClass().add("welcome-card");
        box.setStyle("-fx-border-color: derive(-fx-base, -20%); -fx-border-radius: 8; -fx-background-radius: 8;"
                + " -fx-background-color: derive(-fx-base, 6%);");
        box.setMaxHeight(Double.MAX_VALUE);
        GridPane.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Button button(String id, String text, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> r.run());
        return b;
    }
}
