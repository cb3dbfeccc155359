package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CodeExtractorTest {
    @Test
    void lastPythonBlockWithATopLevelDefWins() {
        String answer = "First try:\n```python\ndef f():\n    return 1\n```\nUsage:\n```python\nprint(f())\n```\n"
                + "Better:\n```py\nimport math\n\ndef f():\n    return 2\n```\nDone.";
        assertEquals("import math\n\ndef f():\n    return 2\n", CodeExtractor.extract(answer));
    }

    @Test
    void otherLanguagesAreSkippedAndFencesDoNotDesync() {
        String answer = "```json\n{\"a\": 1}\n```\ntext\n```python\ndef g(x):\n    return x\n```";
        assertEquals("def g(x):\n    return x\n", CodeExtractor.extract(answer));
        assertEquals("class Solution:\n    def f(self):\n        return 1\n",
                CodeExtractor.extract("```\nclass Solution:\n    def f(self):\n        return 1\n```"));
    }

    @Test
    void withoutFencesTheLastDefAndItsBodyAreTaken() {
        String answer = "Try\ndef a():\n    return 1\nor rather\ndef b(x):\n    y = x\n\n    return y\nThanks!";
        assertEquals("def b(x):\n    y = x\n\n    return y\n", CodeExtractor.extract(answer));
        assertNull(CodeExtractor.extract("no code here, just def-initely prose"));
        assertNull(CodeExtractor.extract(null));
    }
}
