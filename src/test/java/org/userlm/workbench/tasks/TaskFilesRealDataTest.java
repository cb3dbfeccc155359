package org.userlm.workbench.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;

class TaskFilesRealDataTest {

    private static Map<String, Task> byId(List<Task> tasks) {
        return tasks.stream().collect(Collectors.toMap(Task::id, Function.identity()));
    }

    @Test
    void licMathSubset() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("lost_in_conversation/sharded_math_subset.json"));
        assertEquals(20, tasks.size());
        assertTrue(tasks.stream().allMatch(t -> t.kind() == TaskKind.MATH && t.shards().size() >= 4));
        Task t = byId(tasks).get("sharded-GSM8K/40");
        assertNotNull(t);
        assertEquals("8", t.goldAnswer());
        assertEquals(1, t.shards().get(0).id());
        assertEquals("how old is Brandon's iPhone?", t.shards().get(0).text());
        assertEquals("how old is Brandon's iPhone?", t.title());
        assertTrue(t.question().startsWith("Brandon's iPhone is four times as old as Ben's iPhone."));
        assertEquals("lic", t.source());
        assertNull(t.code());
    }

    @Test
    void licCodeSubset() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("lost_in_conversation/sharded_code_subset.json"));
        assertEquals(15, tasks.size());
        assertEquals(11, tasks.stream().filter(t -> t.source().equals("lic/humaneval")).count());
        assertEquals(4, tasks.stream().filter(t -> t.source().equals("lic/lcb_easy")).count());
        Map<String, Task> m = byId(tasks);
        Task he = m.get("sharded-HumanEval/73");
        assertEquals("smallest_change", he.code().funcName());
        assertTrue(he.code().publicTestsJson().contains("[1, 2, 3, 5, 4, 7, 9, 6]"));
        assertTrue(he.code().checkCode().startsWith("def check(candidate)"));
        assertEquals("from typing import List\n", m.get("sharded-HumanEval/5").code().imports());
        Task lcb = m.get("sharded-livecodebench/2812");
        assertEquals(TaskKind.CODE, lcb.kind());
        assertEquals("theMaximumAchievableX", lcb.code().funcName());
        assertTrue(lcb.code().starterCode().startsWith("class Solution:"));
        assertTrue(lcb.code().privateTests().startsWith("eJ"), "private tests kept raw");
        assertTrue(lcb.question().startsWith("You are given two integers, num and t."));
        assertNull(lcb.code().checkCode());
    }

    @Test
    void sampleFivePerTaskWithSummaryQuirk() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("lost_in_conversation/sample_5_per_task.json"));
        assertEquals(30, tasks.size());
        Map<TaskKind, Long> kinds = tasks.stream().collect(Collectors.groupingBy(Task::kind, Collectors.counting()));
        assertEquals(Map.of(TaskKind.MATH, 5L, TaskKind.CODE, 5L, TaskKind.OTHER, 20L), kinds);
        Task summary = byId(tasks).get("sharded-summary_8");
        assertEquals(0, summary.shards().get(0).id());
        assertEquals("", summary.shards().get(0).text());
        assertFalse(summary.question().isBlank(), "summary question falls back to the query");
        assertFalse(summary.title().isBlank());
        Task db = byId(tasks).get("sharded-spider-val-633-medium");
        assertEquals(TaskKind.OTHER, db.kind());
        assertFalse(db.shards().isEmpty());
    }

    @Test
    void translation() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("lost_in_conversation/sharded_translation.json"));
        assertEquals(30, tasks.size());
        assertTrue(tasks.stream().allMatch(t -> t.kind() == TaskKind.OTHER
                && t.shards().size() >= 3 && t.shards().size() <= 5 && t.id().startsWith("wmt-news-")));
        assertTrue(tasks.get(0).title().length() <= Titles.MAX + 1);
    }

    @Test
    void communityGsm8k() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("lic_community_sharded_gsm8k/sharded_gsm8k_v1.json"));
        assertEquals(266, tasks.size());
        assertTrue(tasks.stream().allMatch(t -> t.kind() == TaskKind.MATH && t.goldAnswer() != null));
    }

    @Test
    void gsm8kTestJsonl() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("gsm8k/test.jsonl"));
        assertEquals(1319, tasks.size());
        Task first = tasks.get(0);
        assertEquals("gsm8k/0", first.id());
        assertEquals("18", first.goldAnswer());
        assertTrue(first.question().startsWith("Janet\u2019s ducks lay 16 eggs per day."));
        assertTrue(first.shards().isEmpty());
        assertEquals("gsm8k/1318", tasks.get(1318).id());
        assertEquals("gsm8k", first.source());
    }

    @Test
    void humanEvalPlainAndGzipAgree() throws Exception {
        List<Task> plain = TaskFiles.load(SharedData.file("humaneval/HumanEval.jsonl"));
        List<Task> gz = TaskFiles.load(SharedData.file("humaneval/HumanEval.jsonl.gz"));
        assertEquals(164, plain.size());
        assertEquals(plain, gz);
        Task t = plain.get(0);
        assertEquals("HumanEval/0", t.id());
        assertEquals("has_close_elements", t.code().funcName());
        assertEquals(t.code().prompt(), t.question());
        assertTrue(t.shards().isEmpty());
        assertTrue(t.code().checkCode().contains("def check(candidate)"));
        assertNull(t.code().publicTestsJson());
        assertEquals("HumanEval/163", plain.get(163).id());
    }
}
