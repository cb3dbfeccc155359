package org.userlm.workbench.ui.annotation;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.scene.control.TextInputDialog;
import org.userlm.workbench.ui.common.Owners;

/** The annotator's name: asked once in a dialog, then kept in the user's preferences. */
public final class AnnotatorName {
    private static final String KEY = "annotator";

    private AnnotatorName() {
    }

    /** A supplier that reads the stored name or asks for it (on the FX thread) the first time. */
    public static Supplier<String> fromPreferences() {
        Preferences prefs = Preferences.userNodeForPackage(AnnotatorName.class);
        return () -> {
            String stored = prefs.get(KEY, "");
            if (!stored.isBlank()) {
                return stored;
            }
            String name = ask().orElse(System.getProperty("user.name", "annotator"));
            prefs.put(KEY, name);
            return name;
        };
    }

    /** The stored name, or empty before the first answer. */
    public static String stored() {
        return Preferences.userNodeForPackage(AnnotatorName.class).get(KEY, "");
    }

    /** Asks for a new name (FX thread); later answers go under it. Returns the name now in use. */
    public static String change() {
        TextInputDialog d = Owners.own(new TextInputDialog(stored().isBlank() ? System.getProperty("user.name", "")
                : stored()), Owners.active());
        d.setTitle("Annotator");
        d.setHeaderText("Switch annotator: answers from now on are stored under this name.");
        d.setContentText("Annotator name:");
        d.showAndWait().map(String::trim).filter(s -> !s.isEmpty())
                .ifPresent(s -> Preferences.userNodeForPackage(AnnotatorName.class).put(KEY, s));
        return stored();
    }

    private static Optional<String> ask() {
        TextInputDialog d = Owners.own(new TextInputDialog(System.getProperty("user.name", "")), Owners.active());
        d.setTitle("Annotator");
        d.setHeaderText("Your name goes with every annotation (asked once).");
        d.setContentText("Annotator name:");
        return d.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }
}
