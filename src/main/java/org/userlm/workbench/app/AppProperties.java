package org.userlm.workbench.app;

import org.userlm.workbench.models.AppDataDir;
import org.userlm.workbench.models.CudaRuntime;

/** JVM-wide defaults set before any library starts. */
final class AppProperties {
    private AppProperties() {
    }

    /**
     * DJL must never download at run time or call home (shared notes, djl.md); on a GPU machine this also stops
     * the tokenizer from fetching a CUDA build. Users may still override each property with {@code -D}.
     */
    static void applyDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
        // Before the first logger: LogConfigurator writes its rolling file there.
        setIfAbsent(LogFiles.DIR_PROPERTY, LogFiles.folder().toString());
        // A CUDA libtorch installed by `models gpu --install-cuda` is used without environment variables.
        CudaRuntime.apply(AppDataDir.runtimes(), CudaRuntime.nvidiaDriverLoaded());
    }

    /**
     * Software rendering for windows unless the user chose a pipeline ({@code -Dprism.order}), runs Wayland, or asks
     * for the GPU ({@code -Duserlm.gpu.ui}): es2 fails on many virtual displays and falls back anyway.
     */
    static void preferSoftwareRendering() {
        if (System.getProperty("prism.order") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("userlm.gpu.ui") == null) {
            System.setProperty("prism.order", "sw");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
