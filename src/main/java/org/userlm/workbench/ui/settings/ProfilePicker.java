package org.userlm.workbench.ui.settings;

import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** A picker over saved backend profiles, used by Live's settings and by Compare. */
public final class ProfilePicker {
    private ProfilePicker() {
    }

    /**
     * A combo box over {@code items} whose closed face always names the chosen profile. JavaFX 21 leaves the face
     * blank when the items and the value change in the same pulse (a profile just saved, a stored comparison
     * reopened), so the face shows the value itself rather than the item the skin hands it.
     */
    public static ComboBox<BackendProfile> create(ObservableList<BackendProfile> items, String id) {
        ComboBox<BackendProfile> c = new ComboBox<>(items);
        c.setId(id);
        ListCell<BackendProfile> face = new ListCell<>() {
            @Override
            protected void updateItem(BackendProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(c.getValue() == null ? null : c.getValue().name());
            }
        };
        c.setButtonCell(face);
        c.valueProperty().addListener((o, a, v) -> face.setText(v == null ? null : v.name()));
        return c;
    }
}
