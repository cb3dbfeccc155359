package org.userlm.workbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.simulation.ConversationSettings;
import picocli.CommandLine.Option;

/**
 * The flags that change what a model sees or how a conversation ends, shared by {@code simulate} and
 * {@code compare} (the window has the same settings in its panes). Unset flags keep each profile's defaults.
 */
final class ProtocolOptions {
    @Option(names = "--max-turns", description = "at most N user turns, each answered (default 8; sharded: the "
            + "number of shards + 8)")
    Integer maxTurns;

    @Option(names = "--stop-when-solved", description = "end with 'solved' once the assistant's answer grades correct")
    boolean stopWhenSolved;

    @Option(names = "--grader", defaultValue = "lic", paramLabel = "lic|strict",
            description = "grading rules for --stop-when-solved and outcomes (default ${DEFAULT-VALUE})")
    String grader;

    @Option(names = "--intent-template", paramLabel = "TEXT",
            description = "intent template ({goal}, {problem}, {shards}, {function})")
    String intentTemplate;

    @Option(names = "--user-prompt", paramLabel = "TEXT", description = "system prompt of the prompted/sharded "
            + "simulator ({intent}, {shards}, {conversation} are replaced)")
    String userPrompt;

    @Option(names = "--user-prompt-file", paramLabel = "FILE", description = "read the prompted/sharded simulator's "
            + "prompt from a file (e.g. your copy of LiC's original; its [[...]] placeholders are understood)")
    Path userPromptFile;

    @Option(names = "--user-temperature", description = "overrides the user model's temperature")
    Double userTemperature;

    @Option(names = "--user-top-p", description = "overrides the user model's top-p")
    Double userTopP;

    @Option(names = "--user-max-tokens", description = "token cap of a user turn (default 256; sharded 1024)")
    Integer userMaxTokens;

    @Option(names = "--verbatim-ngram", description = "n of the word n-gram shared with the intent that counts as a "
            + "copy (default 8; 0 = the paper's reported exact-repeat rule, the paper preset's)")
    Integer verbatimNgram;

    @Option(names = "--min-user-turns", description = "user turns before the end marker is allowed (default 2)")
    Integer minUserTurns;

    @Option(names = "--assistant-system-prompt", paramLabel = "TEXT",
            description = "default: a sensible one per task kind")
    String assistantSystemPrompt;

    @Option(names = "--assistant-temperature", description = "assistant temperature (default 0.7)")
    Double assistantTemperature;

    @Option(names = "--assistant-top-p", description = "assistant top-p (default 0.95)")
    Double assistantTopP;

    @Option(names = "--assistant-max-tokens", description = "assistant token cap (default 1024)")
    Integer assistantMaxTokens;

    @Option(names = "--judge-url", paramLabel = "URL", description = "OpenAI-compatible base URL of a judge model "
            + "that classifies assistant turns and extracts answers as LiC does (default: the heuristic)")
    String judgeUrl;

    @Option(names = "--judge-model", paramLabel = "NAME", description = "the judge's model name")
    String judgeModel;

    @Option(names = "--judge-api-key-env", paramLabel = "VAR", description = "environment variable with the judge's key")
    String judgeApiKeyEnv;

    /** The judge's backend, or null for the heuristic. */
    BackendSettings judge() {
        return judgeUrl == null ? null : new BackendSettings(BackendKind.OPENAI_CHAT, judgeUrl, judgeModel,
                judgeApiKeyEnv, null, 120, null, null, false);
    }

    /** A problem with these flags, or null. */
    String validate() {
        if (maxTurns != null && maxTurns < 1) {
            return "--max-turns must be at least 1";
        }
        if ((judgeUrl == null) != (judgeModel == null)) {
            return "give both --judge-url and --judge-model, or neither";
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
        if (minUserTurns != null && minUserTurns < 1) {
            return "--min-user-turns must be at least 1";
        }
        return null;
    }

    GraderMode graderMode() {
        return GraderMode.fromWire(grader);
    }

    /** The profile with these flags applied over its own values. */
    SimulatorSettings apply(SimulatorSettings s) {
        GuardrailSettings g = s.guardrails();
        if (verbatimNgram != null) {
            g = g.withIntentNgram(verbatimNgram);
        }
        if (minUserTurns != null) {
            g = g.withMinUserTurnsBeforeEnd(minUserTurns);
        }
        if (userMaxTokens != null) {
            g = g.withMaxNewTokens(userMaxTokens);
        }
        GenerationParams p = s.params();
        p = new GenerationParams(userTemperature != null ? userTemperature : p.temperature(),
                userTopP != null ? userTopP : p.topP(), p.topK(),
                userMaxTokens != null ? userMaxTokens : p.maxNewTokens(), p.seed());
        String prompt = prompt();
        return new SimulatorSettings(s.name(), s.kind(), s.backend(), p, g, prompt != null ? prompt : s.userPrompt(),
                intentTemplate != null ? intentTemplate : s.intentTemplate());
    }

    /** The assistant sampling: the defaults with these flags applied. */
    GenerationParams assistantParams() {
        GenerationParams d = GenerationParams.assistantDefault();
        return new GenerationParams(assistantTemperature != null ? assistantTemperature : d.temperature(),
                assistantTopP != null ? assistantTopP : d.topP(), null,
                assistantMaxTokens != null ? assistantMaxTokens : d.maxNewTokens(), null);
    }

    /** Everything the conversation factory needs besides the task. */
    ConversationSettings settings(SimulatorSettings sim, AssistantSettings asst) {
        return new ConversationSettings(sim, asst, null, maxTurns, stopWhenSolved, graderMode(), judge());
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
}
