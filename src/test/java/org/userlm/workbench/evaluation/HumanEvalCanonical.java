package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads HumanEval's canonical solutions (task id to body) for tests; the importer does not keep them. */
final class HumanEvalCanonical {
    private HumanEvalCanonical() {
    }

    static Map<String, String> read(Path jsonl) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (!line.isBlank()) {
                JsonNode n = mapper.readTree(line);
                out.put(n.get("task_id").asText(), n.get("canonical_solution").asText());
            }
        }
        return out;
    }
}
