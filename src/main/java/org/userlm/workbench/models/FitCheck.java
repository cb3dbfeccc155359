package org.userlm.workbench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says plainly whether a model fits a device before anything is loaded, and what would fit instead. Figures come
 * from {@link ModelMemory} (weights + KV cache + 10% + 512 MiB, the engine's own rule).
 */
public final class FitCheck {
    private FitCheck() {
    }

    /**
     * The verdict.
     *
     * @param fits    true when the total fits in the free memory
     * @param message one or two sentences for people
     */
    public record Verdict(boolean fits, String message) {
    }

    /**
     * Checks {@code model} on a GPU ({@code F16}) or the CPU ({@code F32}) with {@code freeBytes} free;
     * {@code others} are the alternatives to suggest.
     */
    public static Verdict check(ModelDescriptor model, String device, String where, long freeBytes,
                                List<ModelDescriptor> others) {
        boolean gpu = device.equalsIgnoreCase("gpu");
        String dtype = gpu ? "F16" : "F32";
        long need = need(model, dtype);
        double weights = model.parameters() * (double) ModelMemory.bytesPer(dtype) / 1e9;
        double kv = ModelMemory.kvCacheBytes(model.architecture(), model.contextTokens(),
                ModelMemory.bytesPer(dtype)) / 1e9;
        String needs = String.format(Locale.ROOT, "%s needs %.1f GB in %s (%.1f GB of weights + %.1f GB of KV cache "
                + "for %d tokens + working memory)", model.name(), need / 1e9, dtype, weights, kv,
                model.contextTokens());
        String has = String.format(Locale.ROOT, "%s has %.1f GB free", where, freeBytes / 1e9);
        if (need <= freeBytes) {
            return new Verdict(true, needs + "; " + has + ": it fits.");
        }
        List<String> fit = new ArrayList<>();
        for (ModelDescriptor o : others) {
            if (!o.id().equals(model.id()) && !"test".equals(o.role()) && need(o, dtype) <= freeBytes) {
                fit.add(String.format(Locale.ROOT, "%s (%.1f GB)", o.name(), need(o, dtype) / 1e9));
            }
        }
        String what = fit.isEmpty() ? "Nothing in the list fits; run " + model.name()
                + " on a server (vLLM, Ollama, LM Studio, llama.cpp) and connect to it."
                : "What fits: " + String.join(", ", fit) + "; or run " + model.name()
                + " on a server and connect to it.";
        if (!gpu && model.memoryOn("gpu") != null) {
            what += String.format(Locale.ROOT, " On a GPU it needs %.1f GB in F16.", need(model, "F16") / 1e9);
        }
        return new Verdict(false, needs + "; " + has + ". " + what);
    }

    private static long need(ModelDescriptor d, String dtype) {
        return ModelMemory.totalBytes(d.parameters(), d.architecture(), d.contextTokens(), ModelMemory.bytesPer(dtype));
    }
}
