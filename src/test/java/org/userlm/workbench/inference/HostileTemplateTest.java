package org.userlm.workbench.inference;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chat templates written to exhaust memory or time cost one clear error (issue 10). */
class HostileTemplateTest {
    private static final List<ChatMessage> MSGS = List.of(ChatMessage.user("hi"));

    private static String fails(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChatTemplate(template, Map.of()).render(MSGS, true));
        assertTrue(e.getMessage().startsWith("chat template failed: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aStringDoubledFortyTimesIsStopped() {
        fails("{% set s = 'xxxxxxxx' %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}{{ s }}");
        fails("{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
                + "{% endfor %}{{ ns.s }}");
    }

    @Test
    void hugeOutputIsStopped() {
        fails("{% for i in range(1000) %}{% for j in range(1000) %}{{ 'y' * 100 }}{% endfor %}{% endfor %}");
    }
}
