package org.userlm.workbench.ui.presenter;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.userlm.workbench.domain.Playlist;
import org.userlm.workbench.ui.common.Fit;
import org.userlm.workbench.ui.common.Notify;
import org.userlm.workbench.ui.common.Owners;

/** The playlist editor window: pick conversations, write a caption per slide, set the speed, present, export. */
public final class PlaylistWindow {
    private PlaylistWindow() {
    }

    /**
     * Opens the editor. {@code shown} gives the id and title of the conversation on screen (either may be null).
     */
    public static Stage open(Window owner, PlaylistEditor editor, Supplier<String[]> shown,
                             List<String> stylesheets) {
        ComboBox<Playlist> saved = new ComboBox<>(editor.saved);
        saved.setId("savedPlaylists");
        saved.setPromptText("Saved playlists");
        saved.setConverter(new StringConverter<>() {
            @Override
            public String toString(Playlist p) {
                return p == null ? "" : p.name() + " (" + p.slides().size() + ")";
            }

            @Override
            public Playlist fromString(String s) {
                return null;
            }
        });
        saved.setOnAction(e -> {
            if (saved.getValue() != null) {
                editor.open(saved.getValue());
            }
        });
        Button fresh = new Button("New");
        fresh.setOnAction(e -> editor.newPlaylist());
        TextField name = new TextField();
        name.setId("playlistName");
        name.textProperty().bindBidirectional(editor.name);
        Spinner<Integer> wpm = new Spinner<>(40, 1200, editor.wpm.get(), 20);
        wpm.setId("playlistWpm");
        wpm.setEditable(true);
        wpm.setPrefWidth(100);
        wpm.valueProperty().addListener((o, a, b) -> editor.wpm.set(b));
        editor.wpm.addListener((o, a, b) -> wpm.getValueFactory().setValue(b.intValue()));
        ListView<PlaylistEditor.Row> list = new ListView<>(editor.rows);
        list.setId("playlistSlides");
        list.setCellFactory(l -> new SlideCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        Button add = new Button("+ Shown conversation");
        add.setId("addShown");
        add.setOnAction(e -> {
            String[] s = shown.get();
            editor.add(s[0], s[1]);
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> editor.rows.remove(list.getSelectionModel().getSelectedItem()));
        Button up = Fit.icon(new Button(), "↑", "Move the slide up");
        up.setOnAction(e -> move(list, -1));
        Button down = Fit.icon(new Button(), "↓", "Move the slide down");
        down.setOnAction(e -> move(list, 1));
        Button save = new Button("Save");
        save.setId("savePlaylist");
        save.setOnAction(e -> editor.save());
        Button present = new Button("▶  Present");
        present.setId("present");
        present.getStyleClass().add("accent-button");
        present.setOnAction(e -> editor.deck(d -> PresenterView.show(d, stylesheets)));
        Button export = new Button("Export HTML…");
        export.setId("exportPlaylist");
        Label status = new Label();
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        status.textProperty().bind(editor.status);
        status.textProperty().addListener((o, a, s) -> {
            if (s != null && (s.startsWith("Exported") || s.startsWith("Failed"))) {
                Notify.show(Owners.of(status), "Presentation export", s, s.startsWith("Failed"));
            }
        });
        VBox root = new VBox(10, Fit.row(new Label("Playlist"), saved, fresh, new Label("Name"), name,
                new Label("Words per minute"), wpm), list, Fit.row(add, remove, up, down),
                Fit.row(save, present, export), status);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("playlist-window");
        Stage stage = new Stage();
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("presentation.html");
            File f = fc.showSaveDialog(stage);
            if (f != null) {
                editor.export(f.toPath());
            }
        });
        Scene scene = new Scene(new BorderPane(root), 820, 560);
        scene.getStylesheets().setAll(stylesheets);
        stage.initOwner(owner);
        stage.setTitle("Presenter playlist");
        stage.setScene(scene);
        editor.refresh();
        stage.show();
        return stage;
    }

    private static void move(ListView<PlaylistEditor.Row> list, int by) {
        int i = list.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= list.getItems().size()) {
            return;
        }
        PlaylistEditor.Row r = list.getItems().remove(i);
        list.getItems().add(j, r);
        list.getSelectionModel().select(j);
    }

    private static final class SlideCell extends ListCell<PlaylistEditor.Row> {
        @Override
        protected void updateItem(PlaylistEditor.Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label((getIndex() + 1) + ". " + r.title);
            title.getStyleClass().add("bold-label");
            title.setWrapText(true);
            TextField caption = new TextField();
            caption.setPromptText("Caption shown above this slide");
            caption.textProperty().bindBidirectional(r.caption);
            HBox.setHgrow(caption, Priority.ALWAYS);
            setText(null);
            setGraphic(new VBox(4, title, caption));
        }
    }
}
