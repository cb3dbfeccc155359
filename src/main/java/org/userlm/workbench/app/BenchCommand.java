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
        description = "Measure prefill tok/s, decode tok/s and time to first token of the local engine.")
final class BenchCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "DIR", description = "Model folder.")
        Path model;

        @Option(names = "--random-config", paramLabel = "SIZE",
                description = "Random weights of a named shape: tiny, 30m, 125m, 8b-2layers.")
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
            int seq = promptTokens + newTokens + 8;
            try (LocalLlamaModel m = LocalModels.load(dir, new LoadOptions(device, seq, true), (s, f) -> { },
                    new CancellationToken())) {
                BenchRunner.Result r = BenchRunner.run(m, promptTokens, newTokens, runs);
                print(label, m, r);
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
        System.out.printf(Locale.ROOT, "model: %s on %s, %.1fM parameters, %.1f MB of weights read per token%n",
                label, m.device(), m.folder().parameterCount() / 1e6, r.bytesPerToken() / 1e6);
        System.out.printf(Locale.ROOT, "prompt %d tokens, %d new tokens, median of %d runs%n", r.promptTokens(),
                r.newTokens(), runs);
        System.out.printf(Locale.ROOT, "prefill: %.1f tok/s%n", r.prefillTokPerS());
        System.out.printf(Locale.ROOT, "time to first token: %.1f ms%n", r.ttftMillis());
        System.out.printf(Locale.ROOT, "decode: %.1f tok/s (%.2f ms/token)%n", r.decodeTokPerS(),
                1000 / r.decodeTokPerS());
        System.out.printf(Locale.ROOT, "bandwidth bound: %.1f tok/s (%.1f GB/s measured matrix-vector bandwidth on %s"
                        + " / %.1f MB per token); decode reaches %.0f%% of it%n", r.boundTokPerS(),
                r.bandwidthGBs(), m.device(), r.bytesPerToken() / 1e6, 100 * r.decodeTokPerS() / r.boundTokPerS());
        if (!m.device().contains("gpu")) {
            System.out.printf(Locale.ROOT, "(Java System.arraycopy bandwidth, read+write: %.1f GB/s)%n",
                    BenchRunner.javaCopyBandwidth());
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
