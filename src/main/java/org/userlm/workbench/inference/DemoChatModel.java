package org.userlm.workbench.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.userlm.workbench.domain.Role;

/**
 * An offline backend that streams canned but task-aware text, for demos, screenshots and trying the workbench
 * without a server. It plays the user when the system message is an intent ("You are a user who wants ..."),
 * otherwise the assistant. The first draw of the user's second turn deliberately starts with "I" so that the
 * first-token guardrail visibly fires and redraws. Text streams word by word at {@code tokensPerSecond} on the
 * calling thread; cancellation is checked between words. Thread-safe.
 */
public final class DemoChatModel implements ChatModel {
    /** Base URLs starting with this select the demo backend. */
    public static final String URL_SCHEME = "demo:";

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private final String name;
    private final int tokensPerSecond;
    private final Set<Integer> seenPrompts = ConcurrentHashMap.newKeySet();

    /**
     * @param name            the model name shown in the UI
     * @param tokensPerSecond streaming pace (words per second, roughly tokens)
     */
    public DemoChatModel(String name, int tokensPerSecond) {
        this.name = name;
        this.tokensPerSecond = Math.max(1, tokensPerSecond);
    }

    /** Whether a base URL selects the demo backend. */
    public static boolean isDemo(String baseUrl) {
        return baseUrl != null && baseUrl.startsWith(URL_SCHEME);
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        String text = userSide(request) ? userTurn(request) : assistantTurn(request);
        List<String> pieces = new ArrayList<>();
        for (String w : text.split("(?<=\\s)(?=\\S)")) {
            pieces.add(w);
        }
        StringBuilder out = new StringBuilder();
        long firstToken = -1;
        long pauseNanos = 1_000_000_000L / tokensPerSecond;
        for (String piece : pieces) {
            if (!sleep(pauseNanos, cancel)) {
                return new GenerationResult(out.toString(), FinishReason.CANCELLED, promptTokens(request),
                        out.isEmpty() ? 0 : out.toString().split("\\s+").length, firstToken, System.nanoTime() - start);
            }
            if (firstToken < 0) {
                firstToken = System.nanoTime() - start;
            }
            out.append(piece);
            listener.onText(piece);
        }
        return new GenerationResult(out.toString(), FinishReason.STOP, promptTokens(request), pieces.size(),
                firstToken, System.nanoTime() - start);
    }

    private static boolean sleep(long nanos, CancellationToken cancel) {
        long deadline = System.nanoTime() + nanos;
        while (!cancel.isCancelled()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(20, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean userSide(GenerationRequest r) {
        return !r.messages().isEmpty() && r.messages().get(0).role() == Role.SYSTEM
                && r.messages().get(0).content().contains("user who wants");
    }

    private static int promptTokens(GenerationRequest r) {
        return r.messages().stream().mapToInt(m -> m.content().split("\\s+").length).sum();
    }

    private String userTurn(GenerationRequest r) {
        String intent = r.messages().get(0).content();
        String problem = intent.contains("\n\n") ? intent.substring(intent.indexOf("\n\n") + 2) : intent;
        String[] sentences = problem.strip().split("(?<=[.?!])\\s+");
        long userTurns = r.messages().stream().filter(m -> m.role() == Role.USER).count();
        boolean code = intent.contains("Python");
        if (userTurns == 0) {
            return "hey, can you help me with " + (code ? "a small python function" : "a word problem") + "? "
                    + words(sentences[0], 6);
        }
        if (userTurns == 1) {
            if (seenPrompts.add(r.messages().hashCode())) {
                return "I think I forgot to mention something important.";
            }
            List<String> numbers = new ArrayList<>();
            Matcher m = NUMBER.matcher(problem);
            while (m.find() && numbers.size() < 4) {
                numbers.add(m.group());
            }
            return numbers.size() < 2 ? "oh and one more detail: " + words(sentences[sentences.length - 1], 6)
                    : "oh, the numbers are " + String.join(", ", numbers) + " if that helps";
        }
        boolean endAllowed = !r.constraints().bannedStrings().contains("<|endconversation|>");
        return endAllowed ? "great, that matches what I expected. thanks! <|endconversation|>"
                : "ok, could you double-check the last step for me?";
    }

    private static String words(String sentence, int n) {
        String[] w = sentence.strip().split("\\s+");
        if (w.length <= n) {
            return sentence.strip().toLowerCase(Locale.ROOT);
        }
        return String.join(" ", Arrays.copyOf(w, n)).toLowerCase(Locale.ROOT) + " …";
    }

    private static String assistantTurn(GenerationRequest r) {
        boolean code = r.messages().stream().anyMatch(m -> m.role() == Role.SYSTEM
                && m.content().contains("programming"));
        String lastUser = "";
        List<String> numbers = new ArrayList<>();
        for (ChatMessage m : r.messages()) {
            if (m.role() == Role.USER) {
                lastUser = m.content();
                Matcher x = NUMBER.matcher(m.content());
                while (x.find()) {
                    if (!numbers.contains(x.group())) {
                        numbers.add(x.group());
                    }
                }
            }
        }
        return code ? codeAnswer(lastUser) : mathAnswer(numbers);
    }

    private static String mathAnswer(List<String> numbers) {
        if (numbers.size() < 2) {
            return "Happy to help! Could you share the **numbers** in the problem? For example:\n\n"
                    + "- how many items there are at the start\n- what changes, and when\n\n"
                    + "Then I can work through it step by step.";
        }
        StringBuilder sb = new StringBuilder("Thanks! Let's organise what we know first:\n\n");
        for (int i = 0; i < numbers.size(); i++) {
            sb.append(i + 1).append(". a quantity of **").append(numbers.get(i)).append("**\n");
        }
        sb.append("\nNext, I'll combine the rates step by step. As a quick check in code:\n\n```python\nvalues = [")
                .append(String.join(", ", numbers)).append("]\nprint(values)\n```\n\n")
                .append("Which of these are *per week* and which are *per carton*? Then I can give the final answer.");
        return sb.toString();
    }

    private static String codeAnswer(String lastUser) {
        return "Sure — here is a complete function, with a short explanation.\n\n"
                + "```python\ndef solve(values):\n    \"\"\"Return the running total of values.\"\"\"\n"
                + "    total = 0\n    out = []\n    for v in values:\n        total += v\n        out.append(total)\n"
                + "    return out\n```\n\n"
                + "It walks the list once, so it runs in **O(n)** time. Tell me if the inputs can be empty or "
                + "negative and I will adjust it.";
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(false, false, true);
    }
}
