package org.userlm.workbench.ui.settings;

/** How a profile reaches its model, as offered in the pickers. */
public enum BackendChoice {
    OPENAI_CHAT("OpenAI-compatible · chat"),
    OPENAI_COMPLETIONS("OpenAI-compatible · completions"),
    LOCAL("Local model folder (in-process)"),
    DEMO("Demo (offline, scripted)");

    private final String label;

    BackendChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
