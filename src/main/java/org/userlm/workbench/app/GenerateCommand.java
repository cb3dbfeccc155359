package org.userlm.workbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.inference.djl.LoadOptions;
import org.userlm.workbench.inference.djl.LocalGeneration;
import org.userlm.workbench.inference.djl.LocalLlamaModel;
import org.userlm.workbench.inference.djl.LocalModels;
import org.userlm.workbench.inference.djl.ModelLoadException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: one completion from a local model folder, in-process on DJL. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate from a local Hugging Face Llama folder (in-process, DJL PyTorch).")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model folder.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--prompt", paramLabel = "TEXT", description = "Raw prompt, tokenized with BOS added.")
        String prompt;

        @Option(names = "--messages", paramLabel = "FILE.json",
                description = "[{role, content}], rendered with the model's chat template; no extra BOS.")
        Path messages;
    }

    @Option(names = "--greedy", description = "Greedy decoding.")
    boolean greedy;

    @Option(names = "--temperature", paramLabel = "T")
    Double temperature;

    @Option(names = "--top-p", paramLabel = "P")
    Double topP;

    @Option(names = "--top-k", paramLabel = "K")
    Integer topK;

    @Option(names = "--seed", paramLabel = "N")
    Long seed;

    @Option(names = "--max-new-tokens", paramLabel = "N")
    Integer maxNewTokens;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--max-seq-len", defaultValue = "0", description = "KV cache length; 0 = model default.")
    int maxSeqLen;

    @Option(names = "--threads", defaultValue = "0",
            description = "PyTorch CPU threads; 0 = automatic (the cores the load average leaves free).")
    int threads;

    @Option(names = "--json", description = "Print {prompt_ids, generated_ids, text} as the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        long t0 = System.nanoTime();
        try (LocalLlamaModel m = LocalModels.load(model, new LoadOptions(device, maxSeqLen, true, threads),
                (stage, f) -> { }, new CancellationToken())) {
            err.printf(Locale.ROOT, "loaded %s on %s in %.1f s%n", m.modelName(), m.device(),
                    (System.nanoTime() - t0) / 1e9);
            long[] ids = input.prompt != null ? m.encode(input.prompt, true)
                    : m.encode(m.renderChat(readMessages(input.messages)), false);
            GenerationParams p = greedy ? new GenerationParams(0.0, 1.0, 0, maxNewTokens, seed)
                    : new GenerationParams(temperature, topP, topK, maxNewTokens, seed);
            TokenListener l = json ? TokenListener.NONE : d -> out.print(d);
            LocalGeneration g = m.generateIds(ids, p, Constraints.NONE, List.of(), l, new CancellationToken());
            if (json) {
                out.println(toJson(g));
            } else {
                out.println();
            }
            err.printf(Locale.ROOT, "%d prompt tokens, %d generated (%s), first token %.0f ms, total %.0f ms%n",
                    g.promptIds().length, g.generatedIds().length, g.finishReason(), g.firstTokenNanos() / 1e6,
                    g.totalNanos() / 1e6);
            return 0;
        } catch (ModelLoadException e) {
            return CliErrors.report(err, "error: " + e.getMessage(), e, 2);
        } catch (InferenceException | IOException | IllegalArgumentException e) {
            return CliErrors.report(err, "error: " + e.getMessage(), e, 1);
        }
    }

    static List<ChatMessage> readMessages(Path file) throws IOException {
        JsonNode arr = new ObjectMapper().readTree(file.toFile());
        if (arr == null || !arr.isArray()) {
            throw new IOException(file + ": expected a JSON array of {role, content}");
        }
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode n : arr) {
            if (!n.hasNonNull("role") || !n.hasNonNull("content")) {
                throw new IOException(file + ": every message needs role and content");
            }
            try {
                out.add(new ChatMessage(Role.fromWire(n.get("role").asText()), n.get("content").asText()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": unknown role " + n.get("role").asText(), e);
            }
        }
        return out;
    }

    static String toJson(LocalGeneration g) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode();
        var p = o.putArray("prompt_ids");
        for (long id : g.promptIds()) {
            p.add(id);
        }
        var gen = o.putArray("generated_ids");
        for (long id : g.generatedIds()) {
            gen.add(id);
        }
        o.put("text", g.text());
        return o.toString();
    }
}
