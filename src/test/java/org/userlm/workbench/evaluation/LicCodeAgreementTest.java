package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.tasks.TaskFiles;

/**
 * {@code lic} code grading agrees with Lost in Conversation's code evaluation, restated independently in
 * {@code lic/lic_code_reference.py} (extraction, renaming, star imports, guard, in-process {@code ==}), on every
 * code record of the shared LiC subset with eight answer variants each: correct fenced, unfenced with trailing
 * text, unfenced with the word "important" after the code, a top-level helper before the function, an unused
 * helper after it, names used without import ({@code floor}, {@code Counter}), a wrong answer, and an example
 * block after the solution.
 */
class LicCodeAgreementTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void licModeAgreesWithTheReferenceOnEveryRecordAndVariant() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("lost_in_conversation/sharded_code_subset.json"));
        Map<String, String> canonical = HumanEvalCanonical.read(SharedData.file("humaneval/HumanEval.jsonl"));
        Map<String, String> prompts = prompts(SharedData.file("humaneval/HumanEval.jsonl"));
        CodeGrader lic = new CodeGrader(SandboxSettings.defaults(), GraderMode.LIC);
        CodeGrader strict = new CodeGrader(SandboxSettings.defaults(), GraderMode.STRICT);
        List<Map<String, Object>> cases = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Boolean> ours = new ArrayList<>();
        int strictDiffers = 0;
        Map<String, int[]> tally = new java.util.TreeMap<>();
        for (Task t : tasks) {
            CodeSpec spec = t.code();
            String good = solution(t, canonical, prompts);
            List<CodeTests.CallTest> tests = new ArrayList<>(CodeTests.parse("public", spec.publicTestsJson()));
            if (spec.privateTests() != null && !spec.privateTests().isBlank()) {
                tests.addAll(CodeTests.parsePrivate(spec.privateTests()));
            }
            for (Map.Entry<String, String> v : variants(good, spec.funcName()).entrySet()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("answer", v.getValue());
                c.put("func_name", spec.funcName());
                c.put("prompt", spec.prompt() == null ? "" : spec.prompt());
                c.put("inputs", tests.stream().map(CodeTests.CallTest::input).toList());
                c.put("outputs", tests.stream().map(CodeTests.CallTest::output).toList());
                cases.add(c);
                labels.add(t.id() + " / " + v.getKey());
                GradeResult r = lic.grade(t, v.getValue());
                ours.add(r.correct());
                boolean strictPass = strict.grade(t, v.getValue()).correct();
                if (strictPass != r.correct()) {
                    strictDiffers++;
                }
                int[] n = tally.computeIfAbsent(v.getKey(), k -> new int[2]);
                n[0] += r.correct() ? 1 : 0;
                n[1] += strictPass ? 1 : 0;
            }
        }
        List<Boolean> reference = runReference(cases);
        tally.forEach((k, n) -> System.out.println("variant " + k + ": lic passes " + n[0] + ", strict passes " + n[1]
                + " of " + tasks.size()));
        assertEquals(ours.size(), reference.size());
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            if (!ours.get(i).equals(reference.get(i))) {
                disagreements.add(labels.get(i) + ": lic " + ours.get(i) + ", reference " + reference.get(i));
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(tasks.size() * 8, ours.size());
        long passes = ours.stream().filter(b -> b).count();
        assertTrue(passes >= tasks.size() && passes < ours.size(), "variants must both pass and fail: " + passes);
        assertTrue(strictDiffers >= tasks.size(), "the quirks must show: strict differed on " + strictDiffers);
    }

    private static Map<String, String> variants(String good, String fn) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("fenced", "Sure, here it is:\n\n```python\n" + good + "\n```\n\nThis runs in linear time.");
        v.put("unfenced", "Here is my solution:\n" + good + "\nHope this helps.");
        v.put("important-after", good + "\nIt is important to test this with edge cases.");
        Matcher def = Pattern.compile("(?m)^([ \\t]*)def " + Pattern.quote(fn) + "\\(").matcher(good);
        def.find();
        boolean method = !def.group(1).isEmpty();
        if (!method) {
            String renamed = good.replaceFirst("(?m)^def " + Pattern.quote(fn) + "\\(", "def _impl(");
            v.put("helper-before", "```python\n" + renamed + "\n\ndef " + fn + "(*args):\n    return _impl(*args)\n```");
        } else {
            v.put("helper-before", "```python\ndef _twice(x):\n    return 2 * x\n\n" + good + "\n```");
        }
        v.put("helper-after", "```python\n" + good + "\n\ndef unused_helper():\n    return None\n```");
        String indent = method ? "        " : "    ";
        String missing = good.replaceFirst("(?m)^([ \\t]*def " + Pattern.quote(fn) + "\\(.*\\):[^\\n]*\\n)",
                "$1" + indent + "_unused = floor(2.5) + len(Counter('ab'))\n");
        v.put("missing-import", "```python\n" + missing + "\n```");
        v.put("wrong", method ? "```python\nclass Solution:\n    def " + fn + "(self, *args):\n        return None\n```"
                : "```python\ndef " + fn + "(*args):\n    return None\n```");
        v.put("example-after", "```python\n" + good + "\n```\nExample:\n```python\nprint('try it')\n```\n");
        return v;
    }

    private static String solution(Task t, Map<String, String> canonical, Map<String, String> prompts) {
        String id = t.id().replace("sharded-", "");
        if (canonical.containsKey(id)) {
            return prompts.get(id) + canonical.get(id);
        }
        String lcb = CodeGraderRealDataTest.lcbSolution(t.id());
        if (lcb == null) {
            throw new IllegalStateException("no known solution for " + t.id());
        }
        return lcb;
    }

    private static Map<String, String> prompts(Path jsonl) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (!line.isBlank()) {
                var n = MAPPER.readTree(line);
                out.put(n.get("task_id").asText(), n.get("prompt").asText());
            }
        }
        return out;
    }

    private List<Boolean> runReference(List<Map<String, Object>> cases) throws Exception {
        Path input = tmp.resolve("cases.json");
        MAPPER.writeValue(input.toFile(), cases);
        Path script = tmp.resolve("lic_code_reference.py");
        try (var in = getClass().getResourceAsStream("/lic/lic_code_reference.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(System.getProperty("userlm.python", "python3"), script.toString(), input.toString())
                .directory(tmp.toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the reference did not finish");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("err.txt")));
        String[] lines = out.strip().split("\n");
        return MAPPER.readValue(lines[lines.length - 1],
                MAPPER.getTypeFactory().constructCollectionType(List.class, Boolean.class));
    }
}
