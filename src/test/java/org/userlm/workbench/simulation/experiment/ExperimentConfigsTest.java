package org.userlm.workbench.simulation.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.ExperimentConfig;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.TaskKind;

class ExperimentConfigsTest {
    private static final String OK = """
            {"name": "n", "tasks": {"file": null, "ids": null, "kind": "math", "sample": 3},
             "simulators": [{"name": "u", "simulator": "userlm", "url": ["http://h1/v1", "http://h2/v1"],
                             "model": "m", "guardrails": "paper"}],
             "assistants": [{"name": "a", "url": "http://h3/v1", "model": "g", "system_prompt": null}],
             "runs": 2, "max_turns": 3, "seed": 5, "concurrency": 4, "stop_when_solved": true, "judge": null}
            """;

    @Test
    void parsesTheContract() {
        ExperimentConfig c = ExperimentConfigs.parse(OK);
        assertEquals(TaskKind.MATH, c.tasks().kind());
        assertEquals(3, c.tasks().sample());
        assertEquals(SimulatorKind.USERLM, c.simulators().get(0).settings().kind());
        assertEquals(java.util.List.of("http://h1/v1", "http://h2/v1"), c.simulators().get(0).urls());
        assertEquals("http://h1/v1", c.simulators().get(0).settings().backend().baseUrl());
        assertEquals(2, c.runs());
        assertEquals(3, c.maxTurns());
        assertEquals(4, c.concurrency());
        assertTrue(c.stopWhenSolved());
        ExperimentConfig g = ExperimentConfigs.parse(OK.replace("\"guardrails\": \"paper\"",
                "\"guardrails\": \"paper\", \"sampling\": \"generation-config\""));
        assertEquals(org.userlm.workbench.domain.GenerationParams.userLmGenerationConfig(),
                g.simulators().get(0).settings().params());
    }

    @Test
    void refusesUnknownKeysAndBadValuesNamingTheKey() {
        assertMessage(OK.replace("\"runs\": 2", "\"runz\": 2"), "unknown key \"runz\"");
        assertMessage(OK.replace("\"guardrails\": \"paper\"", "\"guardrails\": \"strict\""),
                "simulators[0].guardrails");
        assertMessage(OK.replace("\"model\": \"m\",", "\"model\": \"m\", \"colour\": 1,"),
                "unknown key \"simulators[0].colour\"");
        assertMessage(OK.replace("\"runs\": 2", "\"runs\": 0"), "runs must be an integer of at least 1");
        assertMessage(OK.replace("\"kind\": \"math\"", "\"kind\": \"poetry\""), "tasks.kind");
        assertMessage(OK.replace("\"simulator\": \"userlm\"", "\"simulator\": \"human\""), "simulators[0].simulator");
        assertMessage(OK.replace("\"url\": \"http://h3/v1\"", "\"url\": \"ftp://x\""), "assistants[0].url");
        assertMessage(OK.replace("\"url\": \"http://h3/v1\"", "\"url\": \"http://me:pw@h3/v1\""), "credentials");
        assertMessage(OK.replace("\"stop_when_solved\": true", "\"stop_when_solved\": \"yes\""), "stop_when_solved");
        assertMessage(OK.replace("\"judge\": null", "\"judge\": {\"url\": \"http://j/v1\"}"), "judge.model");
        assertMessage(OK.replace("\"guardrails\": \"paper\"", "\"guardrails\": \"paper\", \"sampling\": \"hot\""),
                "simulators[0].sampling must be card or generation-config");
        assertMessage("[1]", "must be a JSON object");
        assertMessage("{", "not valid JSON");
    }

    @Test
    void theSameConfigGivesTheSameIdWhateverTheKeyOrder() {
        String reordered = """
                {"seed": 5, "name": "n", "runs": 2, "max_turns": 3, "concurrency": 4, "stop_when_solved": true,
                 "judge": null, "assistants": [{"model": "g", "url": "http://h3/v1", "name": "a", "system_prompt": null}],
                 "simulators": [{"guardrails": "paper", "model": "m", "url": ["http://h1/v1", "http://h2/v1"],
                                 "simulator": "userlm", "name": "u"}],
                 "tasks": {"sample": 3, "kind": "math", "ids": null, "file": null}}
                """;
        assertEquals(ExperimentConfigs.experimentId(OK), ExperimentConfigs.experimentId(reordered));
        assertNotEquals(ExperimentConfigs.experimentId(OK), ExperimentConfigs.experimentId(OK.replace("\"seed\": 5",
                "\"seed\": 6")));
    }

    @Test
    void shardsSplitTheCellsDeterministically() {
        ExperimentPlan.Shard s = ExperimentPlan.Shard.parse("2/3");
        assertEquals(java.util.List.of(1, 4), java.util.stream.IntStream.range(0, 6).filter(s::owns).boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> ExperimentPlan.Shard.parse("0/3"));
        assertThrows(IllegalArgumentException.class, () -> ExperimentPlan.Shard.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> ExperimentPlan.Shard.parse("x"));
    }

    private static void assertMessage(String json, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentConfigs.parse(json));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
