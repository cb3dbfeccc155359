package org.userlm.workbench.simulation;

import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.SpecialTokenText;

/**
 * Records, on the turn being generated, that the prompt held special-token text (e.g. {@code <|eot_id|>} written
 * inside a task or a reply) which the backends neutralise before rendering or tokenizing
 * ({@link SpecialTokenText}), so a reader sees that content tried, or happened, to spell role markers.
 */
final class RoleForgery {
    /** The rule name stored with the event. */
    static final String RULE = "special_token_text";

    private RoleForgery() {
    }

    /** One event per message whose content spells special tokens; empty when none does. */
    static List<GuardrailEvent> events(List<ChatMessage> messages) {
        List<GuardrailEvent> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String content = messages.get(i).content();
            if (SpecialTokenText.contains(content, List.of())) {
                String excerpt = content.length() <= 300 ? content : content.substring(0, 300) + "…";
                out.add(new GuardrailEvent(RULE, excerpt, "neutralised",
                        "message " + (i + 1) + " (" + messages.get(i).role().wire() + ") spells special tokens; "
                                + "they were sent as plain text", 0));
            }
        }
        return out;
    }
}
