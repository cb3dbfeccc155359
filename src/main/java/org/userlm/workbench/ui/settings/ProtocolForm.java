package org.userlm.workbench.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.simulation.Intents;

/**
 * The settings that change what a model sees or how a conversation is graded, shared by the Live settings pane and
 * Compare (the CLI has the same as flags): intent template, simulator prompt, user sampling override, user max
 * tokens, n-gram size of the verbatim rule, minimum user turns before an end, grading mode and judge. FX thread.
 */
public final class ProtocolForm {
    /** A user-sampling override for Compare's profiles (the Live pane edits temperature and top-p directly). */
    public enum Sampling {
        PROFILE("Each profile's default", null),
        CARD("UserLM card: T 1.0 · top-p 0.8", GenerationParams.userLmCard()),
        GENERATION_CONFIG("generation_config: T 0.6 · top-p 0.9", GenerationParams.userLmGenerationConfig()),
        LIC("LiC: T 1.0", GenerationParams.licSharded());

        final String label;
        final GenerationParams params;

        Sampling(String label, GenerationParams params) {
            this.label = label;
            this.params = params;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final StringProperty intentTemplate = new SimpleStringProperty(Intents.DEFAULT_TEMPLATE);
    final StringProperty userPrompt = new SimpleStringProperty("");
    final ObjectProperty<Sampling> sampling = new SimpleObjectProperty<>(Sampling.PROFILE);
    final ObjectProperty<Integer> userMaxTokens = new SimpleObjectProperty<>(256);
    final ObjectProperty<Integer> verbatimNgram = new SimpleObjectProperty<>(8);
    final ObjectProperty<Integer> minUserTurns = new SimpleObjectProperty<>(2);
    final ObjectProperty<GraderMode> grader = new SimpleObjectProperty<>(GraderMode.defaultMode());
    final StringProperty judgeUrl = new SimpleStringProperty("");
    /** Whether the token cap, n-gram and min turns replace each profile's own (Compare: off until ticked). */
    final BooleanProperty overrideLimits = new SimpleBooleanProperty(true);
    final StringProperty judgeModel = new SimpleStringProperty("");

    /** The form's values, as saved between sessions ({@code protocol.json}; no keys). */
    public record Saved(String intentTemplate, String userPrompt, Sampling sampling, Integer userMaxTokens,
                        Integer verbatimNgram, Integer minUserTurns, GraderMode grader, String judgeUrl,
                        String judgeModel) {
    }

    /** The current values. */
    public Saved saved() {
        return new Saved(intentTemplate.get(), userPrompt.get(), sampling.get(), userMaxTokens.get(),
                verbatimNgram.get(), minUserTurns.get(), grader.get(), judgeUrl.get(), judgeModel.get());
    }

    /** Restores saved values (missing ones keep the defaults). */
    public void restore(Saved s) {
        if (s == null) {
            return;
        }
        if (s.intentTemplate() != null) {
            intentTemplate.set(s.intentTemplate());
        }
        userPrompt.set(s.userPrompt() == null ? "" : s.userPrompt());
        if (s.sampling() != null) {
            sampling.set(s.sampling());
        }
        if (s.userMaxTokens() != null) {
            userMaxTokens.set(s.userMaxTokens());
        }
        if (s.verbatimNgram() != null) {
            verbatimNgram.set(s.verbatimNgram());
        }
        if (s.minUserTurns() != null) {
            minUserTurns.set(s.minUserTurns());
        }
        if (s.grader() != null) {
            grader.set(s.grader());
        }
        judgeUrl.set(s.judgeUrl() == null ? "" : s.judgeUrl());
        judgeModel.set(s.judgeModel() == null ? "" : s.judgeModel());
    }

    /** The profile with this form applied: template, prompt, sampling, token cap, verbatim n-gram, min turns. */
    public SimulatorSettings apply(SimulatorSettings s) {
        GuardrailSettings g = s.guardrails();
        GenerationParams p = sampling.get() == null || sampling.get().params == null ? s.params()
                : sampling.get().params;
        int tokens = p.maxNewTokens() == null ? g.maxNewTokens() : p.maxNewTokens();
        if (overrideLimits.get()) {
            tokens = Math.max(1, value(userMaxTokens, 256));
            g = g.withIntentNgram(value(verbatimNgram, 8)).withMinUserTurnsBeforeEnd(Math.max(1, value(minUserTurns,
                    2))).withMaxNewTokens(tokens);
        }
        p = new GenerationParams(p.temperature(), p.topP(), p.topK(), tokens, p.seed());
        String prompt = userPrompt.get() == null || userPrompt.get().isBlank() ? null : userPrompt.get();
        String template = intentTemplate.get() == null || intentTemplate.get().isBlank() ? null : intentTemplate.get();
        return new SimulatorSettings(s.name(), s.kind(), s.backend(), p, g, prompt, template);
    }

    /** The grading mode. */
    public GraderMode graderMode() {
        return grader.get() == null ? GraderMode.defaultMode() : grader.get();
    }

    /** The judge's backend, or null (heuristic) when URL or model is blank. */
    public BackendSettings judge() {
        String url = judgeUrl.get() == null ? "" : judgeUrl.get().strip();
        String model = judgeModel.get() == null ? "" : judgeModel.get().strip();
        return url.isEmpty() || model.isEmpty() ? null
                : new BackendSettings(BackendKind.OPENAI_CHAT, url, model, null, null, 120, null, null, false);
    }

    /** Shows stored settings (a reopened comparison or a re-run). */
    public void show(SimulatorSettings s, GraderMode mode, BackendSettings judge) {
        if (s != null) {
            intentTemplate.set(s.intentTemplate() == null ? Intents.DEFAULT_TEMPLATE : s.intentTemplate());
            userPrompt.set(s.userPrompt() == null ? "" : s.userPrompt());
            verbatimNgram.set(s.guardrails().intentNgram());
            minUserTurns.set(s.guardrails().minUserTurnsBeforeEnd());
            userMaxTokens.set(s.guardrails().maxNewTokens());
        }
        grader.set(mode == null ? GraderMode.defaultMode() : mode);
        judgeUrl.set(judge == null || judge.baseUrl() == null ? "" : judge.baseUrl());
        judgeModel.set(judge == null || judge.model() == null ? "" : judge.model());
    }

    /** Whether the limits replace each profile's own. */
    public BooleanProperty overrideLimitsProperty() {
        return overrideLimits;
    }

    public StringProperty intentTemplateProperty() {
        return intentTemplate;
    }

    public ObjectProperty<GraderMode> graderProperty() {
        return grader;
    }

    public ObjectProperty<Integer> verbatimNgramProperty() {
        return verbatimNgram;
    }

    private static int value(ObjectProperty<Integer> p, int fallback) {
        return p.get() == null ? fallback : p.get();
    }
}
