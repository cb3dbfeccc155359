package org.userlm.workbench.inference;

import java.util.List;
import java.util.Objects;
import org.userlm.workbench.domain.GenerationParams;

/**
 * One generation. Chat backends send {@code messages}; raw-prompt backends render them with the model's
 * chat template ({@code add_generation_prompt = true}).
 *
 * @param messages     the conversation as the model must see it (roles already swapped if needed)
 * @param params       sampling parameters
 * @param constraints  sampling-time bans, applied where supported
 * @param stopStrings  extra stop strings (the backend's own end ids are always honoured)
 */
public record GenerationRequest(List<ChatMessage> messages, GenerationParams params, Constraints constraints,
                                List<String> stopStrings) {
    public GenerationRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        Objects.requireNonNull(params, "params");
        constraints = constraints == null ? Constraints.NONE : constraints;
        stopStrings = List.copyOf(stopStrings == null ? List.of() : stopStrings);
    }

    public GenerationRequest(List<ChatMessage> messages, GenerationParams params) {
        this(messages, params, Constraints.NONE, List.of());
    }
}
