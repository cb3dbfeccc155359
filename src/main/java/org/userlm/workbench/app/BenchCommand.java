package org.userlm.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.djl.BenchRunner;
import org.userlm.workbench.inference.djl.LoadOptions;
import org.userlm.workbench.inference.djl.LocalLlamaModel;
import org.userlm.workbench.inference.djl.LocalModels;
import org.userlm.workbench.inference.djl.ModelLoadException;
import org.userlm.workbench.inference.djl.RandomModelWriter;
import org.userlm.workbench.inference.djl.StDType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: prefill/decode speed of the in-process engine next to the memory-bandwidth bound. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure prefill tok/s, decode tok/s (greedy and sampled) and time to first token of the local"
                + " engine, against the memory-bandwidth bound measured in the same run, and the sampler's cost per"
                + " token at a 128,256-id vocabulary on normal (sd 2) and nearly flat (sd 0.01) logits, and on flat"
                + " logits with one id far below (out of reach) or 39 below (within reach).")
final class BenchCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "DIR", description = "Model folder.")
        Path model;

        @Option(names = "--random-config", paramLabel = "SIZE",
                description = "Random weights of a named shape: tiny, tiny-128k, 30m, 125m, 8b-2layers.")
        String random;
    }

    @Option(names = "--prompt-tokens", defaultValue = "128")
    int promptTokens;

    @Option(names = "--new-tokens", defaultValue = "64")
    int newTokens;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu.")
    String device;

    @Option(names = "--threads", defaultValue = "0",
            description = "PyTorch CPU threads; 0 = automatic (the cores the load average leaves free,"
                    + " at most cores - 1).")
    int threads;

    @Option(names = "--bandwidth-gbs", paramLabel = "GB/S",
            description = "Also judge decode against this memory bandwidth (e.g. the GPU's data-sheet figure), next to"
                    + " the measured one.")
    Double bandwidthGbs;

    @Option(names = "--warmup-seconds", defaultValue = "" + BenchRunner.DEFAULT_WARMUP_SECONDS,
            description = "Decode whole greedy and sampled runs for this long before timing anything (default:"
                    + " ${DEFAULT-VALUE}); a small model decodes ~2x slower in its first seconds while the JIT works.")
    double warmupSeconds;

    @Option(names = "--turns", defaultValue = "0",
            description = "Also run a conversation of N turns (each adding --prompt-tokens new tokens) and compare"
                    + " the time to first token of the last turn with the first, with and without prefix reuse.")
    int turns;

    @Override
    public Integer call() {
        Path tmp = null;
        try {
            Path dir = source.model;
            String label = dir == null ? null : dir.toString();
            if (source.random != null) {
                RandomModelWriter.Spec spec = RandomModelWriter.preset(source.random);
                if (spec.dtype() != StDType.BF16) {
                    spec = spec.withDtype(StDType.F32);
                }
                tmp = Files.createTempDirectory("userlm-bench-");
                dir = tmp.resolve(source.random);
                System.err.printf(Locale.ROOT, "writing random %s model (%.1fM parameters) to %s%n", source.random,
                        spec.parameters() / 1e6, dir);
                RandomModelWriter.write(dir, spec);
                label = "random " + source.random;
            }
            int seq = Math.max(1, turns) * (promptTokens + newTokens) + 8;
            try (LocalLlamaModel m = LocalModels.load(dir, new LoadOptions(device, seq, true, threads), (s, f) -> { },
                    new CancellationToken())) {
                BenchRunner.Result r = BenchRunner.run(m, promptTokens, newTokens, runs, warmupSeconds);
                print(label, m, r);
                if (turns > 1) {
                    printTurns(BenchRunner.turns(m, turns, promptTokens, newTokens, runs));
                }
            }
            return 0;
        } catch (ModelLoadException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (InferenceException | IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(tmp);
        }
    }

    private void print(String label, LocalLlamaModel m, BenchRunner.Result r) {
        System.out.println("load average: " + loadAverage());
        System.out.printf(Locale.ROOT, "model: %s on %s, %.1fM parameters, %.1f MB of weights read per token%n",
                label, m.device(), m.folder().parameterCount() / 1e6, r.bytesPerToken() / 1e6);
        System.out.println("CPU threads: " + m.threads());
        System.out.printf(Locale.ROOT, "prompt %d tokens, %d new tokens, median of %d runs%n", r.promptTokens(),
                r.newTokens(), runs);
        System.out.printf(Locale.ROOT, "prefill: %.1f tok/s%n", r.prefillTokPerS());
        System.out.printf(Locale.ROOT, "time to first token: %.1f ms%n", r.ttftMillis());
        System.out.printf(Locale.ROOT, "decode: %.1f tok/s (%.2f ms/token) greedy; %.1f tok/s (%.2f ms/token)"
                        + " sampled (temperature 1.0, top-p 0.8, 3 bans), of which sampling %.3f ms/token at vocab %d%n",
                r.decodeTokPerS(), 1000 / r.decodeTokPerS(), r.sampledDecodeTokPerS(),
                1000 / r.sampledDecodeTokPerS(), r.sampleMillis(), m.folder().config().vocabSize());
        // sd 2: a trained model's spread; sd 0.01: nearly flat (a random model's, or a high temperature's), which the
        // sampler spreads over narrower bins; the same with one id 1000 below (beyond the 40-nat window: the bins
        // still narrow) and with one id 39 below (within it: the span is the widest bins', the flat ones crowd a few
        // of them, and the sampler bins the crowd apart from its tail)
        int[] below = {0, 0, 1000, 39};
        for (int k = 0; k < below.length; k++) {
            double sd = k == 0 ? 2 : 0.01;
            BenchRunner.SamplingCost sc = BenchRunner.samplingCost(BenchRunner.LLAMA3_VOCAB, sd, below[k]);
            System.out.printf(Locale.ROOT, "sampling at vocab %d (normal logits, sd %s%s): %.3f ms/token wall, %.3f ms"
                    + " CPU; goal 0.5 ms: %.2fx of it (CPU %.2fx)%n", sc.vocab(), k == 0 ? "2" : "0.01",
                    below[k] > 0 ? ", one id " + below[k] + " below" : "", sc.wallMillis(), sc.cpuMillis(),
                    sc.wallMillis() / 0.5, sc.cpuMillis() / 0.5);
        }
        System.out.printf(Locale.ROOT, "bandwidth bound: %.1f tok/s (%.1f GB/s measured matrix-vector bandwidth on %s"
                        + " / %.1f MB per token); decode reaches %.0f%% of it%n", r.boundTokPerS(),
                r.bandwidthGBs(), m.device(), r.bytesPerToken() / 1e6, 100 * r.decodeTokPerS() / r.boundTokPerS());
        // The bound above is the best of every measurement in the run; each run measured against the bound taken
        // right after it sees the same load as that run, which changes within a minute on a shared machine.
        StringBuilder each = new StringBuilder();
        for (double x : r.runBoundRatios()) {
            each.append(each.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.0f%%", 100 * x));
        }
        System.out.printf(Locale.ROOT, "decode against the bound measured right after each run: %.0f%% (median of"
                + " %s; goal 80%%)%n", 100 * r.pairedBoundRatio(), each);
        System.out.printf(Locale.ROOT, "weight products alone (this model's shapes, no other operation): %.1f tok/s"
                        + " (%.2f ms/token), %.0f%% of the bound; decode reaches %.0f%% of them%n", r.productsTokPerS(),
                1000 / r.productsTokPerS(), 100 * r.productsTokPerS() / r.boundTokPerS(),
                100 * r.decodeTokPerS() / r.productsTokPerS());
        if (bandwidthGbs != null && bandwidthGbs > 0) {
            double bound = bandwidthGbs * 1e9 / r.bytesPerToken();
            System.out.printf(Locale.ROOT, "against the given %.1f GB/s: bound %.1f tok/s;"
                    + " decode reaches %.0f%% of it%n", bandwidthGbs, bound, 100 * r.decodeTokPerS() / bound);
        }
        if (!m.device().contains("gpu")) {
            System.out.printf(Locale.ROOT, "(Java System.arraycopy bandwidth, read+write: %.1f GB/s)%n",
                    BenchRunner.javaCopyBandwidth());
        }
    }

    private void printTurns(BenchRunner.Turns t) {
        int n = t.reusedMillis().length;
        for (int k = 0; k < n; k++) {
            System.out.printf(Locale.ROOT, "turn %d: prompt %d tokens (%d from the cache): time to first token %.1f ms"
                            + " with prefix reuse, %.1f ms without%n", k + 1, t.promptTokens()[k], t.reusedTokens()[k],
                    t.reusedMillis()[k], t.fullMillis()[k]);
        }
        System.out.printf(Locale.ROOT, "(median over %d runs of each conversation)%n", runs);
        double ratio = t.reusedMillis()[n - 1] / t.reusedMillis()[0];
        System.out.printf(Locale.ROOT, "turn %d vs turn 1, time to first token: %.2fx with prefix reuse (goal <= 1.5x),"
                + " %.2fx without%n", n, ratio, t.fullMillis()[n - 1] / t.fullMillis()[0]);
    }

    /** The first three fields of /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
