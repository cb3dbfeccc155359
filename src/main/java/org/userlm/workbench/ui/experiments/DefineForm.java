package org.userlm.workbench.ui.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * What the Define panel edits, turned into the experiment config JSON of the command line (one format, one parser:
 * the GUI runs exactly what {@code experiment run --config} would).
 */
public final class DefineForm {
    private static final ObjectMapper JSON = new ObjectMapper();

    final StringProperty name = new SimpleStringProperty("experiment");
    final ObservableList<Task> tasks = FXCollections.observableArrayList();
    final ObservableList<SimulatorRow> simulators = FXCollections.observableArrayList();
    final ObservableList<AssistantRow> assistants = FXCollections.observableArrayList();
    final IntegerProperty runs = new SimpleIntegerProperty(2);
    final IntegerProperty maxTurns = new SimpleIntegerProperty(4);
    final IntegerProperty seed = new SimpleIntegerProperty(1);
    final IntegerProperty concurrency = new SimpleIntegerProperty(8);
    final BooleanProperty stopWhenSolved = new SimpleBooleanProperty(false);

    /**
     * One simulator profile.
     *
     * @param name       display name
     * @param kind       userlm, prompted or sharded
     * @param profile    the saved backend profile that plays the user
     * @param guardrails default, paper or off
     */
    public record SimulatorRow(String name, String kind, BackendProfile profile, String guardrails) {
    }

    /**
     * One assistant profile.
     *
     * @param name    display name
     * @param profile the saved backend profile
     */
    public record AssistantRow(String name, BackendProfile profile) {
    }

    /** The config JSON; validation happens when it is parsed (messages name the key). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name.get());
        ObjectNode t = root.putObject("tasks");
        t.putNull("file");
        ArrayNode ids = t.putArray("ids");
        tasks.forEach(x -> ids.add(x.id()));
        t.putNull("kind");
        t.putNull("sample");
        ArrayNode sims = root.putArray("simulators");
        for (SimulatorRow s : simulators) {
            ObjectNode n = sims.addObject().put("name", s.name()).put("simulator", s.kind());
            endpoint(n, s.profile());
            n.put("guardrails", s.guardrails());
        }
        ArrayNode assts = root.putArray("assistants");
        for (AssistantRow a : assistants) {
            ObjectNode n = assts.addObject().put("name", a.name());
            endpoint(n, a.profile());
            n.putNull("system_prompt");
        }
        root.put("runs", runs.get());
        root.put("max_turns", maxTurns.get());
        root.put("seed", seed.get());
        root.put("concurrency", concurrency.get());
        root.put("stop_when_solved", stopWhenSolved.get());
        root.putNull("judge");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void endpoint(ObjectNode n, BackendProfile p) {
        if (p.kind() == BackendChoice.LOCAL) {
            n.put("local", p.localPath());
            return;
        }
        n.put("url", p.baseUrl());
        n.put("model", p.model());
        if (p.apiKeyEnv() != null && !p.apiKeyEnv().isBlank()) {
            n.put("api_key_env", p.apiKeyEnv());
        }
    }

    /** Profiles a picker offers: the saved ones, the built-ins when none is saved. */
    static List<BackendProfile> offered(List<BackendProfile> saved) {
        return saved == null || saved.isEmpty() ? BackendProfile.builtIns() : saved;
    }
}
