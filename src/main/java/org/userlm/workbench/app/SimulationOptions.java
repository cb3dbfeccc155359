package org.userlm.workbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.simulation.ConversationSettings;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.simulation.Simulators;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The simulator and assistant options shared by {@code simulate} (and later batch commands). */
final class SimulationOptions {

    @Option(names = "--simulator", defaultValue = "userlm", paramLabel = "userlm|prompted|sharded",
            description = "user simulator (default ${DEFAULT-VALUE})")
    String simulator;

    @Option(names = "--user-url", paramLabel = "URL", description = "OpenAI-compatible base URL of the user model, "
            + "e.g. http://127.0.0.1:8000/v1")
    String userUrl;

    @Option(names = "--user-model", paramLabel = "NAME", description = "model name of the user simulator")
    String userModel;

    @Option(names = "--user-local", paramLabel = "DIR", description = "Hugging Face folder run in-process (DJL)")
    Path userLocal;

    @Option(names = "--user-endpoint", defaultValue = "chat", paramLabel = "chat|completions",
            description = "chat: the server applies the template; completions: the workbench renders it "
                    + "(default ${DEFAULT-VALUE})")
    String userEndpoint;

    @Option(names = "--user-chat-template", paramLabel = "FILE",
            description = "Jinja chat template for --user-endpoint completions (default: the UserLM template)")
    Path userChatTemplate;

    @Option(names = "--user-api-key-env", paramLabel = "VAR", description = "environment variable with the API key")
    String userApiKeyEnv;

    @Option(names = "--user-extra-body", paramLabel = "JSON", description = "JSON merged into user-model requests "
            + "(default for userlm: " + Simulators.USERLM_EXTRA_BODY + ", which vLLM needs to show <|endconversation|>)")
    String userExtraBody;

    @Option(names = "--assistant-url", paramLabel = "URL", description = "OpenAI-compatible base URL of the assistant")
    String assistantUrl;

    @Option(names = "--assistant-model", paramLabel = "NAME", description = "model name of the assistant")
    String assistantModel;

    @Option(names = "--assistant-local", paramLabel = "DIR", description = "Hugging Face folder run in-process")
    Path assistantLocal;

    @Option(names = "--assistant-api-key-env", paramLabel = "VAR", description = "environment variable with the key")
    String assistantApiKeyEnv;

    @Option(names = "--seed", description = "base seed (conversation i uses seed + i)")
    Long seed;

    @Option(names = "--guardrails", defaultValue = "default", paramLabel = "default|paper|off",
            description = "UserLM guardrail preset (default ${DEFAULT-VALUE})")
    String guardrails;

    @Option(names = "--max-retries", description = "redraws per user turn when a guardrail fires (default 5)")
    Integer maxRetries;

    @Option(names = "--user-sampling", defaultValue = "card", paramLabel = "card|generation-config",
            description = "UserLM sampling: the model card's 1.0/0.8 or generation_config.json's reported 0.6/0.9")
    String userSampling;

    @Mixin
    ProtocolOptions protocol = new ProtocolOptions();

    @Option(names = "--timeout", defaultValue = "120", description = "seconds without data before a request fails")
    int timeout;

    /** A problem with the arguments, or null. */
    String validate() {
        try {
            kind();
            preset();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (userLocal == null && (userUrl == null || userModel == null)) {
            return "give the user model: --user-url URL --user-model NAME, or --user-local DIR";
        }
        if (assistantLocal == null && (assistantUrl == null || assistantModel == null)) {
            return "give the assistant: --assistant-url URL --assistant-model NAME, or --assistant-local DIR";
        }
        if (!userEndpoint.equals("chat") && !userEndpoint.equals("completions")) {
            return "--user-endpoint must be chat or completions";
        }
        String protocolProblem = protocol.validate();
        if (protocolProblem != null) {
            return protocolProblem;
        }
        if (userChatTemplate != null && !Files.isReadable(userChatTemplate)) {
            return "cannot read --user-chat-template " + userChatTemplate;
        }
        return null;
    }

    SimulatorKind kind() {
        String s = simulator.toLowerCase(Locale.ROOT);
        if (!s.equals("userlm") && !s.equals("prompted") && !s.equals("sharded")) {
            throw new IllegalArgumentException("--simulator must be userlm, prompted or sharded, not " + simulator);
        }
        return SimulatorKind.fromWire(s);
    }

    GuardrailSettings preset() {
        try {
            return GuardrailPreset.parse(guardrails).settings();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--guardrails must be default, paper or off", e);
        }
    }

    SimulatorSettings simulatorSettings() {
        SimulatorKind kind = kind();
        GuardrailSettings g = preset();
        if (maxRetries != null) {
            g = g.withMaxRetries(maxRetries);
        }
        GenerationParams p = kind == SimulatorKind.SHARDED ? GenerationParams.licSharded()
                : kind != SimulatorKind.USERLM ? GenerationParams.assistantDefault()
                : userSampling.equals("generation-config") ? GenerationParams.userLmGenerationConfig()
                : GenerationParams.userLmCard();
        BackendSettings backend = userBackend(kind, g);
        return protocol.apply(new SimulatorSettings(kind.wire() + " " + backend.model(), kind, backend, p, g, null,
                null));
    }

    /** Everything the conversation factory needs besides the task. */
    ConversationSettings conversationSettings(SimulatorSettings sim, AssistantSettings asst) {
        return protocol.settings(sim, asst);
    }

    private BackendSettings userBackend(SimulatorKind kind, GuardrailSettings g) {
        if (userLocal != null) {
            return BackendSettings.local(userLocal.toString());
        }
        BackendKind bk = userEndpoint.equals("completions") ? BackendKind.OPENAI_COMPLETIONS : BackendKind.OPENAI_CHAT;
        return Simulators.serverBackend(kind, bk, userUrl, userModel, userApiKeyEnv, timeout, readTemplate(),
                userExtraBody, g);
    }

    private String readTemplate() {
        if (userChatTemplate == null) {
            return null;
        }
        try {
            return Files.readString(userChatTemplate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AssistantSettings assistantSettings() {
        BackendSettings backend = assistantLocal != null ? BackendSettings.local(assistantLocal.toString())
                : new BackendSettings(BackendKind.OPENAI_CHAT, assistantUrl, assistantModel, assistantApiKeyEnv, null,
                timeout, null, null, false);
        GenerationParams p = protocol.assistantParams();
        return new AssistantSettings(backend.model(), backend, p, protocol.assistantSystemPrompt);
    }
}
