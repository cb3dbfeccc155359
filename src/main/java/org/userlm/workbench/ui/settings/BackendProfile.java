package org.userlm.workbench.ui.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Objects;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.SimulatorKind;

/**
 * A saved model profile: where a model lives, and for a user simulator which kind plays the user. Holds the name of
 * the API-key environment variable, never a key.
 *
 * @param simulatorKind the simulator kind saved with a simulator profile, or null (assistants, and profiles saved
 *                      before kinds were kept): loading it then leaves the chosen kind alone
 * @param chatTemplate  the completions endpoint's Jinja override, or null (the UserLM default); profile files
 *                      written before it existed load with null
 */
public record BackendProfile(String name, BackendChoice kind, String baseUrl, String model, String apiKeyEnv,
                             String localPath, SimulatorKind simulatorKind, String chatTemplate) {
    /** The name of the built-in offline profile: the default wherever nothing else is chosen. */
    public static final String DEMO = "Demo (offline, scripted)";

    @JsonCreator
    public BackendProfile {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? BackendChoice.OPENAI_CHAT : kind;
    }

    /** A profile without a simulator kind. */
    public BackendProfile(String name, BackendChoice kind, String baseUrl, String model, String apiKeyEnv,
                          String localPath) {
        this(name, kind, baseUrl, model, apiKeyEnv, localPath, null, null);
    }

    /** A profile without a chat-template override. */
    public BackendProfile(String name, BackendChoice kind, String baseUrl, String model, String apiKeyEnv,
                          String localPath, SimulatorKind simulatorKind) {
        this(name, kind, baseUrl, model, apiKeyEnv, localPath, simulatorKind, null);
    }

    /** Profiles that ship with the workbench. */
    public static List<BackendProfile> builtIns() {
        return List.of(
                new BackendProfile(DEMO, BackendChoice.DEMO, "demo://scripted", "demo-model", null, null),
                new BackendProfile("vLLM · UserLM-8b on localhost:8000", BackendChoice.OPENAI_CHAT,
                        "http://127.0.0.1:8000/v1", "microsoft/UserLM-8b", null, null, SimulatorKind.USERLM),
                new BackendProfile("vLLM · assistant on localhost:8001", BackendChoice.OPENAI_CHAT,
                        "http://127.0.0.1:8001/v1", "meta-llama/Llama-3.1-8B-Instruct", null, null),
                new BackendProfile("OpenAI · gpt-4o-mini", BackendChoice.OPENAI_CHAT, "https://api.openai.com/v1",
                        "gpt-4o-mini", "OPENAI_API_KEY", null),
                new BackendProfile("Local folder · models/UserLM-8b", BackendChoice.LOCAL, null, "UserLM-8b", null,
                        "models/UserLM-8b", SimulatorKind.USERLM));
    }

    /** The built-in offline demo profile. */
    public static BackendProfile demo() {
        return builtIns().get(0);
    }

    /**
     * Where the profile's model lives, as a run needs it (never a key, only the variable's name). The demo profile
     * always gets a {@code demo:} URL; a local profile without a folder gets the default folder.
     */
    public BackendSettings backend() {
        String m = blank(model) ? null : model.strip();
        return switch (kind) {
            case DEMO -> new BackendSettings(BackendKind.OPENAI_CHAT, !blank(baseUrl) && baseUrl.startsWith("demo:")
                    ? baseUrl.strip() : "demo://scripted", m == null ? "demo-model" : m, null, null, 120, null, null,
                    false);
            case LOCAL -> BackendSettings.local(blank(localPath) ? "models/UserLM-8b" : localPath.strip());
            case OPENAI_CHAT, OPENAI_COMPLETIONS -> new BackendSettings(kind == BackendChoice.OPENAI_CHAT
                    ? BackendKind.OPENAI_CHAT : BackendKind.OPENAI_COMPLETIONS, baseUrl == null ? "" : baseUrl.strip(),
                    m, blank(apiKeyEnv) ? null : apiKeyEnv.strip(), null, 120,
                    kind == BackendChoice.OPENAI_COMPLETIONS && !blank(chatTemplate) ? chatTemplate : null, null, false);
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return name;
    }
}
