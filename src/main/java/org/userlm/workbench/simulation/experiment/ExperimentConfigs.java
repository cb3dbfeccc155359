package org.userlm.workbench.simulation.experiment;

import static org.userlm.workbench.simulation.experiment.JsonFields.array;
import static org.userlm.workbench.simulation.experiment.JsonFields.keys;
import static org.userlm.workbench.simulation.experiment.JsonFields.optionalInt;
import static org.userlm.workbench.simulation.experiment.JsonFields.strings;
import static org.userlm.workbench.simulation.experiment.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.ExperimentConfig;
import org.userlm.workbench.domain.ExperimentConfig.ExperimentAssistant;
import org.userlm.workbench.domain.ExperimentConfig.ExperimentSimulator;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.TaskKind;

/**
 * Reads the experiment config JSON of issue 11. Unknown keys and bad values are refused with an
 * {@link IllegalArgumentException} whose message names the key (e.g. {@code simulators[1].guardrails}).
 * Extensions beyond the contract: {@code url} may be an array of base URLs (served round-robin), a profile may give
 * {@code local} (a model folder) instead of {@code url}/{@code model}, and {@code api_key_env} names the
 * environment variable holding an API key (the key itself is never stored), and a UserLM profile may give
 * {@code sampling}: {@code card} (1.0/0.8, the default) or {@code generation-config} (0.6/0.9).
 */
public final class ExperimentConfigs {
    /** The vLLM option UserLM needs so that the end marker is not stripped. */
    public static final String USERLM_EXTRA_BODY = "{\"skip_special_tokens\": false}";
    /** Requests in flight per server endpoint by default. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("name", "tasks", "simulators", "assistants", "runs", "max_turns",
            "seed", "concurrency", "stop_when_solved", "judge");
    private static final Set<String> TASKS = Set.of("file", "ids", "kind", "sample");
    private static final Set<String> SIM = Set.of("name", "simulator", "url", "model", "guardrails", "local",
            "api_key_env", "sampling");
    private static final Set<String> ASST = Set.of("name", "url", "model", "system_prompt", "local", "api_key_env");
    private static final Set<String> JUDGE = Set.of("url", "model");

    private ExperimentConfigs() {
    }

    /** Parses a config. */
    public static ExperimentConfig parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the config is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the config must be a JSON object");
        }
        keys(root, TOP, "");
        String name = text(root, "name", "name", true);
        JsonNode t = root.get("tasks");
        if (t == null || !t.isObject()) {
            throw new IllegalArgumentException("tasks must be an object {\"file\", \"ids\", \"kind\", \"sample\"}");
        }
        keys(t, TASKS, "tasks.");
        String kindText = text(t, "kind", "tasks.kind", false);
        TaskKind kind = null;
        if (kindText != null) {
            if (!kindText.equals("math") && !kindText.equals("code")) {
                throw new IllegalArgumentException("tasks.kind must be math, code or null, not \"" + kindText + "\"");
            }
            kind = TaskKind.fromWire(kindText);
        }
        List<String> ids = null;
        JsonNode idsNode = t.get("ids");
        if (idsNode != null && !idsNode.isNull()) {
            ids = strings(idsNode, "tasks.ids");
        }
        Integer sample = optionalInt(t, "sample", "tasks.sample", 1);
        ExperimentConfig.TaskFilter filter = new ExperimentConfig.TaskFilter(text(t, "file", "tasks.file", false),
                ids, kind, sample);
        List<ExperimentSimulator> sims = new ArrayList<>();
        for (JsonNode n : array(root, "simulators")) {
            sims.add(simulator(n, "simulators[" + sims.size() + "]."));
        }
        List<ExperimentAssistant> assts = new ArrayList<>();
        for (JsonNode n : array(root, "assistants")) {
            assts.add(assistant(n, "assistants[" + assts.size() + "]."));
        }
        unique(sims.stream().map(ExperimentSimulator::name).toList(), "simulators");
        unique(assts.stream().map(ExperimentAssistant::name).toList(), "assistants");
        int runs = orDefault(optionalInt(root, "runs", "runs", 1), 1);
        int maxTurns = orDefault(optionalInt(root, "max_turns", "max_turns", 1), 8);
        int concurrency = orDefault(optionalInt(root, "concurrency", "concurrency", 1), DEFAULT_CONCURRENCY);
        JsonNode seedNode = root.get("seed");
        long seed = 0;
        if (seedNode != null && !seedNode.isNull()) {
            if (!seedNode.isIntegralNumber()) {
                throw new IllegalArgumentException("seed must be an integer, not " + seedNode);
            }
            seed = seedNode.asLong();
        }
        JsonNode sws = root.get("stop_when_solved");
        if (sws != null && !sws.isNull() && !sws.isBoolean()) {
            throw new IllegalArgumentException("stop_when_solved must be true or false, not " + sws);
        }
        ExperimentConfig.Judge judge = null;
        JsonNode j = root.get("judge");
        if (j != null && !j.isNull()) {
            if (!j.isObject()) {
                throw new IllegalArgumentException("judge must be {\"url\", \"model\"} or null");
            }
            keys(j, JUDGE, "judge.");
            judge = new ExperimentConfig.Judge(url(j, "judge.url"), text(j, "model", "judge.model", true));
        }
        return new ExperimentConfig(name, filter, sims, assts, runs, maxTurns, seed, concurrency,
                sws != null && sws.asBoolean(), judge);
    }

    /** The id of the experiment a config describes: the same config always gives the same id. */
    public static String experimentId(String json) {
        try {
            Object canonical = sorted(JSON.readValue(json, Object.class));
            byte[] bytes = JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "exp-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("the config is not valid JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, sorted(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(ExperimentConfigs::sorted).toList();
        }
        return o;
    }

    private static ExperimentSimulator simulator(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(at.substring(0, at.length() - 1) + " must be an object");
        }
        keys(n, SIM, at);
        String kindText = text(n, "simulator", at + "simulator", true).toLowerCase(Locale.ROOT);
        SimulatorKind kind = switch (kindText) {
            case "userlm" -> SimulatorKind.USERLM;
            case "prompted" -> SimulatorKind.PROMPTED;
            case "sharded" -> SimulatorKind.SHARDED;
            default -> throw new IllegalArgumentException(at + "simulator must be userlm, prompted or sharded, not \""
                    + kindText + "\"");
        };
        String preset = orDefault(text(n, "guardrails", at + "guardrails", false), "default");
        GuardrailSettings g = switch (preset) {
            case "default" -> GuardrailSettings.defaults();
            case "paper" -> GuardrailSettings.paper();
            case "off" -> GuardrailSettings.off();
            default -> throw new IllegalArgumentException(at + "guardrails must be default, paper or off, not \""
                    + preset + "\"");
        };
        boolean userLm = kind == SimulatorKind.USERLM;
        String sampling = text(n, "sampling", at + "sampling", false);
        GenerationParams params = null;
        if (sampling != null) {
            if (!userLm) {
                throw new IllegalArgumentException(at + "sampling is a UserLM preset; the " + kindText
                        + " simulator samples like an assistant");
            }
            params = switch (sampling) {
                case "card" -> GenerationParams.userLmCard();
                case "generation-config" -> GenerationParams.userLmGenerationConfig();
                default -> throw new IllegalArgumentException(at + "sampling must be card or generation-config, not \""
                        + sampling + "\"");
            };
        }
        Endpoint e = endpoint(n, at);
        BackendSettings b = e.local != null ? BackendSettings.local(e.local)
                : new BackendSettings(BackendKind.OPENAI_CHAT, e.urls.get(0), e.model, e.keyEnv, null, 120, null,
                userLm ? USERLM_EXTRA_BODY : null, userLm && g.useServerBans());
        String name = text(n, "name", at + "name", true);
        return new ExperimentSimulator(new SimulatorSettings(name, kind, b, params, g, null, null), e.urls);
    }

    private static ExperimentAssistant assistant(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(at.substring(0, at.length() - 1) + " must be an object");
        }
        keys(n, ASST, at);
        Endpoint e = endpoint(n, at);
        BackendSettings b = e.local != null ? BackendSettings.local(e.local)
                : new BackendSettings(BackendKind.OPENAI_CHAT, e.urls.get(0), e.model, e.keyEnv, null, 120, null, null,
                false);
        return new ExperimentAssistant(new AssistantSettings(text(n, "name", at + "name", true), b, null,
                text(n, "system_prompt", at + "system_prompt", false)), e.urls);
    }

    private record Endpoint(List<String> urls, String model, String local, String keyEnv) {
    }

    private static Endpoint endpoint(JsonNode n, String at) {
        String local = text(n, "local", at + "local", false);
        String keyEnv = text(n, "api_key_env", at + "api_key_env", false);
        if (local != null) {
            if (n.hasNonNull("url")) {
                throw new IllegalArgumentException(at + "url and " + at + "local exclude each other");
            }
            return new Endpoint(List.of(), text(n, "model", at + "model", false), local, keyEnv);
        }
        JsonNode u = n.get("url");
        List<String> urls = u != null && u.isArray() ? strings(u, at + "url") : List.of(url(n, at + "url"));
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(at + "url must name at least one base URL");
        }
        for (String s : urls) {
            checkUrl(s, at + "url");
        }
        return new Endpoint(urls, text(n, "model", at + "model", true), null, keyEnv);
    }

    private static String url(JsonNode n, String at) {
        String s = text(n, at.substring(at.lastIndexOf('.') + 1), at, true);
        checkUrl(s, at);
        return s;
    }

    private static void checkUrl(String s, String at) {
        if (!s.startsWith("http://") && !s.startsWith("https://") && !s.startsWith("demo://")) {
            throw new IllegalArgumentException(at + " must be an http(s) base URL (or demo:// for the offline demo), "
                    + "not \"" + s + "\"");
        }
        if (s.matches("https?://[^/]*@.*")) {
            throw new IllegalArgumentException(at + " must not carry credentials; use api_key_env");
        }
    }

    private static void unique(List<String> names, String key) {
        if (names.size() != Set.copyOf(names).size()) {
            throw new IllegalArgumentException(key + " must have distinct names, got " + names);
        }
    }

    private static <T> T orDefault(T v, T d) {
        return v == null ? d : v;
    }
}
