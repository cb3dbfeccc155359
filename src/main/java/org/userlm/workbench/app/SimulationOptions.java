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
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.simulation.ConversationSettings;
import picocli.CommandLine.Option;

/** The simulator and assistant options shared by {@code simulate} (and later batch commands). */
final class SimulationOptions {

    /** vLLM strips special tokens by default, which would hide {@code <|endconversation|>} from us. */
    static final String USERLM_EXTRA_BODY = "{\"skip_special_tokens\": false}";

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
            + "(default for userlm: " + USERLM_EXTRA_BODY + ", which vLLM needs to show <|endconversation|>)")
    String userExtraBody;

    @Option(names = "--assistant-url", paramLabel = "URL", description = "OpenAI-compatible base URL of the assistant")
    String assistantUrl;

    @Option(names = "--assistant-model", paramLabel = "NAME", description = "model name of the assistant")
    String assistantModel;

    @Option(names = "--assistant-local", paramLabel = "DIR", description = "Hugging Face folder run in-process")
    Path assistantLocal;

    @Option(names = "--assistant-api-key-env", paramLabel = "VAR", description = "environment variable with the key")
    String assistantApiKeyEnv;

    @Option(names = "--assistant-system-prompt", paramLabel = "TEXT",
            description = "default: a sensible one per task kind")
    String assistantSystemPrompt;

    @Option(names = "--max-turns", description = "at most N user turns, each answered (default 8; sharded: the "
            + "number of shards + 8)")
    Integer maxTurns;

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

    @Option(names = "--user-temperature", description = "overrides the user model's temperature")
    Double userTemperature;

    @Option(names = "--user-top-p", description = "overrides the user model's top-p")
    Double userTopP;

    @Option(names = "--user-prompt", paramLabel = "TEXT", description = "system prompt of the prompted/sharded "
            + "simulator ({intent}, {shards}, {conversation} are replaced)")
    String userPrompt;

    @Option(names = "--intent-template", paramLabel = "TEXT",
            description = "intent template ({goal}, {problem}, {shards}, {function})")
    String intentTemplate;

    @Option(names = "--assistant-temperature", description = "assistant temperature (default 0.7)")
    Double assistantTemperature;

    @Option(names = "--assistant-max-tokens", description = "assistant token cap (default 1024)")
    Integer assistantMaxTokens;

    @Option(names = "--stop-when-solved", description = "end with 'solved' once the assistant's answer grades correct")
    boolean stopWhenSolved;

    @Option(names = "--grader", defaultValue = "lic", paramLabel = "lic|strict",
            description = "grading rules for --stop-when-solved and outcomes (default ${DEFAULT-VALUE})")
    String grader;

    @Option(names = "--user-prompt-file", paramLabel = "FILE", description = "read the prompted/sharded simulator's "
            + "prompt from a file (e.g. your copy of LiC's original; its [[...]] placeholders are understood)")
    Path userPromptFile;

    @Option(names = "--user-max-tokens", description = "token cap of a user turn (default 256; sharded 1024)")
    Integer userMaxTokens;

    @Option(names = "--verbatim-ngram", description = "n of the word n-gram shared with the intent that counts as a "
            + "copy (default 8; paper preset 0 = the reported exact-repeat rule)")
    Integer verbatimNgram;

    @Option(names = "--min-user-turns", description = "user turns before the end marker is allowed (default 2)")
    Integer minUserTurns;

    @Option(names = "--assistant-top-p", description = "assistant top-p (default 0.95)")
    Double assistantTopP;

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
        if (maxTurns != null && maxTurns < 1) {
            return "--max-turns must be at least 1";
        }
        try {
            GraderMode.fromWire(grader);
        } catch (IllegalArgumentException e) {
            return "--" + e.getMessage();
        }
        if (userPromptFile != null && !Files.isReadable(userPromptFile)) {
            return "cannot read --user-prompt-file " + userPromptFile;
        }
        if (userMaxTokens != null && userMaxTokens < 1) {
            return "--user-max-tokens must be at least 1";
        }
        if (verbatimNgram != null && verbatimNgram < 0) {
            return "--verbatim-ngram must be 0 or more";
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
        return switch (guardrails.toLowerCase(Locale.ROOT)) {
            case "default" -> GuardrailSettings.defaults();
            case "paper" -> GuardrailSettings.paper();
            case "off" -> GuardrailSettings.off();
            default -> throw new IllegalArgumentException("--guardrails must be default, paper or off");
        };
    }

    SimulatorSettings simulatorSettings() {
        SimulatorKind kind = kind();
        GuardrailSettings g = preset();
        if (maxRetries != null) {
            g = g.withMaxRetries(maxRetries);
        }
        if (verbatimNgram != null) {
            g = g.withIntentNgram(verbatimNgram);
        }
        if (minUserTurns != null) {
            g = g.withMinUserTurnsBeforeEnd(minUserTurns);
        }
        GenerationParams p = kind == SimulatorKind.SHARDED ? GenerationParams.licSharded()
                : kind != SimulatorKind.USERLM ? GenerationParams.assistantDefault()
                : userSampling.equals("generation-config") ? GenerationParams.userLmGenerationConfig()
                : GenerationParams.userLmCard();
        if (userMaxTokens != null) {
            g = g.withMaxNewTokens(userMaxTokens);
        }
        p = new GenerationParams(userTemperature != null ? userTemperature : p.temperature(),
                userTopP != null ? userTopP : p.topP(), p.topK(),
                userMaxTokens != null ? userMaxTokens : p.maxNewTokens(), null);
        BackendSettings backend = userBackend(kind, g);
        return new SimulatorSettings(kind.wire() + " " + backend.model(), kind, backend, p, g, prompt(),
                intentTemplate);
    }

    private String prompt() {
        if (userPromptFile == null) {
            return userPrompt;
        }
        try {
            return Files.readString(userPromptFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the conversation factory needs besides the task. */
    ConversationSettings conversationSettings(SimulatorSettings sim, AssistantSettings asst) {
        return new ConversationSettings(sim, asst, null, maxTurns, stopWhenSolved, GraderMode.fromWire(grader));
    }

    private BackendSettings userBackend(SimulatorKind kind, GuardrailSettings g) {
        if (userLocal != null) {
            return BackendSettings.local(userLocal.toString());
        }
        BackendKind bk = userEndpoint.equals("completions") ? BackendKind.OPENAI_COMPLETIONS : BackendKind.OPENAI_CHAT;
        String extra = userExtraBody != null ? userExtraBody : kind == SimulatorKind.USERLM ? USERLM_EXTRA_BODY : null;
        return new BackendSettings(bk, userUrl, userModel, userApiKeyEnv, null, timeout, readTemplate(), extra,
                kind == SimulatorKind.USERLM && g.useServerBans());
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
        GenerationParams d = GenerationParams.assistantDefault();
        GenerationParams p = new GenerationParams(assistantTemperature != null ? assistantTemperature : d.temperature(),
                assistantTopP != null ? assistantTopP : d.topP(), null, assistantMaxTokens != null ? assistantMaxTokens : d.maxNewTokens(), null);
        return new AssistantSettings(backend.model(), backend, p, assistantSystemPrompt);
    }
}
