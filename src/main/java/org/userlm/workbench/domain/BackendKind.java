package org.userlm.workbench.domain;

/** How a model is reached. */
public enum BackendKind {
    /** OpenAI-compatible {@code /v1/chat/completions}: the server applies the chat template. */
    OPENAI_CHAT,
    /** OpenAI-compatible {@code /v1/completions}: the workbench renders the chat template itself. */
    OPENAI_COMPLETIONS,
    /** A Hugging Face model folder run in-process through DJL. */
    LOCAL
}
