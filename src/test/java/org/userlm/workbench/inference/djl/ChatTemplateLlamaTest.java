package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatTemplate;

/** The Llama-3.1 Instruct template (verbatim from the model repository) rendered by our Jinja engine. */
class ChatTemplateLlamaTest {
    private static ChatTemplate llama31() throws Exception {
        try (InputStream in = ChatTemplateLlamaTest.class.getResourceAsStream("llama31_chat_template.jinja")) {
            return new ChatTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Map.of("bos_token", "<|begin_of_text|>", "eos_token", "<|eot_id|>"));
        }
    }

    @Test
    void systemUserAssistantWithGenerationPrompt() throws Exception {
        String out = llama31().render(List.of(ChatMessage.system("  You are helpful. "), ChatMessage.user("Hi\n"),
                ChatMessage.assistant("Hello!"), ChatMessage.user("What is 2+2?")), true);
        assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n"
                + "You are helpful.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n", out);
    }

    @Test
    void noSystemMessageNoGenerationPrompt() throws Exception {
        String out = llama31().render(List.of(ChatMessage.user("Hi")), false);
        assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>", out);
    }

    @Test
    void raiseExceptionFailsTheRender() {
        ChatTemplate t = new ChatTemplate("{{ raise_exception('only user and assistant roles') }}", Map.of());
        IllegalArgumentException e = Assertions.assertThrows(IllegalArgumentException.class,
                () -> t.render(List.of(ChatMessage.user("x")), true));
        Assertions.assertTrue(e.getMessage().contains("only user and assistant roles"),
                e.getMessage());
    }

    @Test
    void userLmTemplate() {
        ChatTemplate t = new ChatTemplate(ChatTemplate.USERLM_TEMPLATE, Map.of());
        assertEquals("<|start_header_id|>system<|end_header_id|>\nintent<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>", t.render(List.of(ChatMessage.system("intent")), true));
    }
}
