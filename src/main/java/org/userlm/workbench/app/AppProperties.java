package org.userlm.workbench.app;

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
        // A CUDA libtorch installed by `models gpu --install-cuda` is used without environment variables.
        org.userlm.workbench.models.CudaRuntime.apply(org.userlm.workbench.models.AppDataDir.runtimes(),
                org.userlm.workbench.models.CudaRuntime.nvidiaDriverLoaded());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
