package org.userlm.workbench.ui.welcome;

import org.userlm.workbench.models.ServerPresets;

/** What the four ways in of the welcome page do; the window that hosts the page implements them. */
public interface WelcomeActions {
    /** Use the scripted offline demo models. */
    void demo();

    /** Use an OpenAI-compatible server for the user simulator. */
    void server(ServerPresets.Preset preset, String baseUrl, String model);

    /** Open the model manager on this descriptor. */
    void download(String modelId);

    /** Let the user pick a model folder. */
    void openFolder();

    /** The page was dismissed; {@code showAgain} false means never show it at start again. */
    void close(boolean showAgain);
}
