package org.userlm.workbench.inference.openai;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.TokenListener;

/** Shared set-up for the client tests. */
final class ClientFixtures {
    static final List<ChatMessage> CONVERSATION = List.of(
            ChatMessage.system("You are a user who wants a fibonacci function."),
            ChatMessage.user("hey, can you help me with a sequence?"),
            ChatMessage.assistant("Sure! What sequence?"));

    private ClientFixtures() {
    }

    static BackendSettings settings(BackendKind kind, String baseUrl, int timeoutSeconds, String apiKeyEnv) {
        return new BackendSettings(kind, baseUrl, "microsoft/UserLM-8b", apiKeyEnv, null, timeoutSeconds, null, null, false);
    }

    static OpenAiCompatibleClient chat(String baseUrl) {
        return new OpenAiCompatibleClient(settings(BackendKind.OPENAI_CHAT, baseUrl, 5, null), OpenAiOptions.defaults()
                .withEnv(Map.<String, String>of()::get));
    }

    static GenerationRequest request() {
        return new GenerationRequest(CONVERSATION, GenerationParams.userLmCard());
    }

    static CancellationToken token() {
        return new CancellationToken();
    }

    /** A listener that records every delta. */
    static final class Recorder implements TokenListener {
        final List<String> deltas = new CopyOnWriteArrayList<>();

        @Override
        public void onText(String delta) {
            deltas.add(delta);
        }
    }
}
