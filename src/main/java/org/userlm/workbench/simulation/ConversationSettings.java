package org.userlm.workbench.simulation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.evaluation.GraderMode;

/**
 * Every setting that changes what a model sees or how a conversation ends, in one value: the window, {@code
 * simulate}, Compare and experiments all build their conversations from one of these with
 * {@link ConversationFactory}. Stored (as JSON, no API keys) with every conversation.
 *
 * <p>Where the settings live: intent template, simulator prompt, user sampling, user max tokens and the guardrails
 * (n-gram size of the verbatim rule, minimum user turns before an end) are in {@link SimulatorSettings}; assistant
 * sampling and system prompt in {@link AssistantSettings}.
 *
 * @param simulator      the user simulator profile
 * @param assistant      the assistant under test
 * @param intent         an explicit intent text (the window lets the researcher edit it), or null to build it from
 *                       the simulator's intent template
 * @param maxUserTurns   at most this many user turns, or null for the default of the simulator kind
 *                       ({@link ConversationFactory#maxUserTurns})
 * @param stopWhenSolved end with {@code solved} once an answer grades correct
 * @param grader         the grading rules of "stop when solved" and of the outcome; null: {@link GraderMode#LIC}
 * @param judge          the judge model that classifies assistant turns and extracts answers (LiC's steps), or null
 *                       for the heuristic
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationSettings(SimulatorSettings simulator, AssistantSettings assistant, String intent,
                                   Integer maxUserTurns, boolean stopWhenSolved, GraderMode grader,
                                   BackendSettings judge) {
    public ConversationSettings {
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(assistant, "assistant");
        if (intent != null && intent.isBlank()) {
            intent = null;
        }
        if (maxUserTurns != null && maxUserTurns < 1) {
            throw new IllegalArgumentException("max user turns must be at least 1, got " + maxUserTurns);
        }
        grader = grader == null ? GraderMode.defaultMode() : grader;
    }

    /** Without a judge (the heuristic classifies assistant turns). */
    public ConversationSettings(SimulatorSettings simulator, AssistantSettings assistant, String intent,
                                Integer maxUserTurns, boolean stopWhenSolved, GraderMode grader) {
        this(simulator, assistant, intent, maxUserTurns, stopWhenSolved, grader, null);
    }

    /** Settings with the defaults for everything but the two models. */
    public static ConversationSettings of(SimulatorSettings simulator, AssistantSettings assistant) {
        return new ConversationSettings(simulator, assistant, null, null, false, null);
    }

    /** A copy with another simulator profile (a Compare column). */
    public ConversationSettings withSimulator(SimulatorSettings s) {
        return new ConversationSettings(s, assistant, intent, maxUserTurns, stopWhenSolved, grader, judge);
    }

    /** A copy with an explicit intent text (null: from the template). */
    public ConversationSettings withIntent(String text) {
        return new ConversationSettings(simulator, assistant, text, maxUserTurns, stopWhenSolved, grader, judge);
    }
}
