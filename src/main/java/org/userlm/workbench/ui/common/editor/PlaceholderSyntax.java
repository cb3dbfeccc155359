package org.userlm.workbench.ui.common.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompts and intent templates: {@code {name}} and LiC's {@code [[NAME]]} placeholders. Ones the simulation fills
 * are highlighted; others are flagged, because they would reach the model as literal text. A template that has none
 * of the placeholders it needs (the task for an intent template, the intent for a simulator prompt) gets a warning.
 * JSON inside a prompt ({@code {"response": ...}}) is not a placeholder: names are identifiers only.
 */
public final class PlaceholderSyntax {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}|\\[\\[([A-Z_]+)]]");

    /** What {@code Intents.fromTask} fills. */
    public static final PlaceholderSyntax INTENT_TEMPLATE = new PlaceholderSyntax(
            Set.of("{goal}", "{problem}", "{shards}", "{function}"), Set.of("{problem}", "{shards}"),
            "Neither {problem} nor {shards}: the simulated user would never see the task.");
    /** What the prompted ({@code {intent}}) and sharded (ours and LiC's names) simulators fill. */
    public static final PlaceholderSyntax SIMULATOR_PROMPT = new PlaceholderSyntax(
            Set.of("{intent}", "{conversation}", "{revealed}", "{shards}", "[[CONVERSATION_SO_FAR]]",
                    "[[SHARDS_REVEALED]]", "[[SHARDS_NOT_REVEALED]]"),
            Set.of("{intent}", "{conversation}", "[[CONVERSATION_SO_FAR]]"),
            "Neither {intent} (prompted) nor {conversation} / [[CONVERSATION_SO_FAR]] (sharded): the simulator would "
                    + "not see its goal.");

    private final Set<String> known;
    private final Set<String> needAny;
    private final String missing;

    /**
     * @param known   placeholders that are filled, written as in the text ({@code {goal}}, {@code [[NAME]]})
     * @param needAny at least one of these must appear (empty: no rule)
     * @param missing the warning when none does
     */
    public PlaceholderSyntax(Set<String> known, Set<String> needAny, String missing) {
        this.known = Set.copyOf(known);
        this.needAny = Set.copyOf(needAny);
        this.missing = missing;
    }

    /** Placeholders; unknown ones are styled {@link Tok#UNKNOWN}. */
    public List<Span> spans(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(new Span(m.start(), m.end(), known.contains(m.group()) ? Tok.PLACEHOLDER : Tok.UNKNOWN));
        }
        return out;
    }

    /** The first unknown placeholder (an error), else a warning when a needed one is missing. Blank is fine. */
    public Diagnostic check(String text) {
        if (text.isBlank()) {
            return null; // blank means the shipped default
        }
        Matcher m = PLACEHOLDER.matcher(text);
        boolean has = needAny.isEmpty();
        while (m.find()) {
            if (!known.contains(m.group())) {
                return Diagnostic.at(text, m.start(), m.end(), "Unknown placeholder " + m.group()
                        + ": it would reach the model as written. Known: " + String.join(" ", sorted()) + ".",
                        Diagnostic.Severity.ERROR);
            }
            has |= needAny.contains(m.group());
        }
        return has ? null : Diagnostic.whole(missing, Diagnostic.Severity.WARNING);
    }

    private List<String> sorted() {
        return known.stream().sorted().toList();
    }
}
