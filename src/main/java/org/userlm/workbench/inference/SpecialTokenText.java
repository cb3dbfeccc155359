package org.userlm.workbench.inference;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps message content from forging roles. Text inside a task or a turn that spells a special token
 * ({@code <|eot_id|>}, {@code <|start_header_id|>}, {@code <|im_start|>}, a model's {@code bos}/{@code eos}
 * strings...) would be read as that token by the server's or our tokenizer once the prompt is a single string.
 * Before a prompt is rendered or sent, such text gets a WORD JOINER (U+2060) after its first character, so it
 * is tokenized as plain text; only the template's own markers stay special. Stored content is never changed.
 * The user simulator's end marker {@value #END_MARKER} is part of the protocol and is left alone.
 */
public final class SpecialTokenText {
    /** The joiner inserted after the first character of special-token text. */
    public static final char JOINER = '\u2060';
    private static final Pattern MARKER = Pattern.compile("<\\|[A-Za-z0-9_.:-]{1,80}\\|>");
    private static final List<String> COMMON = List.of("<s>", "</s>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>");
    /**
     * The user simulator's end marker: the protocol itself (the prompted simulator's instructions name it, and
     * the runner detects it in the text stream), so it is left as written.
     */
    public static final String END_MARKER = "<|endconversation|>";

    private SpecialTokenText() {
    }

    /** Whether {@code text} holds special-token text. */
    public static boolean contains(String text, Collection<String> extra) {
        return text != null && !neutralise(text, extra).equals(text);
    }

    /**
     * The text with every special-token spelling broken by {@link #JOINER}.
     *
     * @param extra the model's own special-token strings (bos, eos, ...), may be empty
     */
    public static String neutralise(String text, Collection<String> extra) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = MARKER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String tok = m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(tok.equals(END_MARKER) ? tok : broken(tok)));
        }
        m.appendTail(sb);
        String out = sb.toString();
        for (String tok : COMMON) {
            out = out.replace(tok, broken(tok));
        }
        if (extra != null) {
            for (String tok : extra) {
                if (tok != null && tok.length() >= 2) {
                    out = out.replace(tok, broken(tok));
                }
            }
        }
        return out;
    }

    private static String broken(String token) {
        return token.charAt(0) + String.valueOf(JOINER) + token.substring(1);
    }
}
