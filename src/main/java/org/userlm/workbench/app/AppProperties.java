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
        // Before the first logger: logback.xml writes its rolling file there.
        setIfAbsent(LogFiles.DIR_PROPERTY, LogFiles.folder().toString());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
