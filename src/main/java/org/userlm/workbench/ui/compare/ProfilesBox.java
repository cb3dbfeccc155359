package org.userlm.workbench.ui.compare;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.ui.common.Fit;
import org.userlm.workbench.ui.settings.BackendProfile;
import org.userlm.workbench.ui.settings.ProfilePicker;

/**
 * The simulator rows of the compare view: name, kind, saved backend profile and guardrail preset per row, rebuilt
 * when rows come or go. Binds only.
 */
final class ProfilesBox extends VBox {
    private final CompareProfiles choices;

    ProfilesBox(CompareProfiles choices) {
        super(4);
        this.choices = choices;
        setId("profiles");
        choices.rows.addListener((ListChangeListener<ProfileRow>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (int i = 0; i < choices.rows.size(); i++) {
            getChildren().add(row(i, choices.rows.get(i)));
        }
        Button add = new Button("+ simulator");
        add.setId("add-simulator");
        add.setDisable(choices.rows.size() >= 4);
        add.setOnAction(e -> choices.addRow());
        getChildren().add(add);
    }

    private FlowPane row(int i, ProfileRow p) {
        TextField name = new TextField();
        name.setId("profile-name-" + i);
        name.setPromptText("name (optional)");
        name.textProperty().bindBidirectional(p.name);
        name.setPrefWidth(170);
        ComboBox<SimulatorKind> kind = new ComboBox<>();
        kind.setId("profile-kind-" + i);
        kind.getItems().addAll(SimulatorKind.USERLM, SimulatorKind.PROMPTED, SimulatorKind.SHARDED);
        kind.valueProperty().bindBidirectional(p.kind);
        ComboBox<BackendProfile> profile = profilePicker(choices, "profile-backend-" + i);
        profile.valueProperty().bindBidirectional(p.profile);
        profile.setTooltip(new Tooltip("The saved profile (Live's settings) that plays this user"));
        ComboBox<GuardrailPreset> g = new ComboBox<>();
        g.setId("profile-guardrails-" + i);
        g.getItems().addAll(GuardrailPreset.values());
        g.valueProperty().bindBidirectional(p.guardrails);
        g.disableProperty().bind(p.kind.isNotEqualTo(SimulatorKind.USERLM));
        Button remove = new Button("✕");
        remove.setOnAction(e -> choices.rows.remove(p));
        remove.setDisable(choices.rows.size() <= 2);
        remove.setTooltip(new Tooltip("Remove this simulator"));
        return Fit.row(new Label((char) ('A' + i) + ""), name, kind, profile, new Label("guardrails"), g, remove);
    }

    /** A picker over the saved profiles, re-read when opened (a profile may just have been saved in Live). */
    static ComboBox<BackendProfile> profilePicker(CompareProfiles choices, String id) {
        ComboBox<BackendProfile> c = ProfilePicker.create(choices.offered, id);
        c.setOnShowing(e -> choices.refresh());
        return c;
    }
}
