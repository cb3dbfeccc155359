package org.userlm.workbench.evaluation.judge;

import org.userlm.workbench.domain.TaskKind;

/**
 * The judge's prompts [ours]. They follow Lost in Conversation's turn classification (its seven categories and
 * their definitions) and its extraction step (copy the final answer verbatim; the copy must occur in the reply);
 * the wording is ours. {@link #VERSION} is stored with every judged turn.
 */
public final class JudgePrompts {
    /** Stored with every judged turn; bump it whenever a prompt below changes. */
    public static final String VERSION = "judge-v1 (ours, after LiC's categories and extraction)";

    /** {@code {problem}}, {@code {answer_description}} and {@code {reply}} are replaced. */
    public static final String CLASSIFY = """
            You are reviewing the last reply of an AI assistant in a conversation with a user.

            The user's full problem:
            {problem}

            Decide which ONE type the assistant's reply is:
            - answer_attempt: it gives a complete, final answer to the problem (not a template, not a hypothetical) \
            that could be copied out of the reply as is. What counts as an answer here: {answer_description}
            - clarification: it is short (under 100 words) and asks the user one specific question about their \
            request. Long replies, vague questions and several questions are not clarifications.
            - interrogation: it asks the user several questions, often as a list.
            - discussion: it talks about the problem in detail without a final answer, a specific question or a \
            refusal; it may end with a vague question such as "anything else?".
            - hedge: it offers several candidate answers for different assumptions or cases ("if ..., then ...").
            - refuse: it declines to answer, openly or not, without asking for anything.
            - missing: it is empty.
            A hint or a sketch of what the answer could look like is not an answer_attempt: choose answer_attempt \
            only if the user could stop here holding a final answer to their problem.

            The assistant's reply:
            {reply}

            Reply with JSON only: {"response_type": "answer_attempt|clarification|interrogation|discussion|hedge|\
            refuse|missing"}""";

    /** {@code {answer_description}} and {@code {reply}} are replaced. */
    public static final String EXTRACT = """
            You are reading a reply an AI assistant wrote to a user, and you copy out its final answer. The answer \
            is expected to be: {answer_description}

            Rules:
            - Copy only the answer itself: no introduction, no explanation, no code fences.
            - Copy it character for character, mistakes included; a program checks that your text occurs in the \
            reply exactly.
            - Give the answer as a string, even when it is a number.

            The reply:
            {reply}

            Reply with JSON only: {"answer": "<the answer, copied from the reply>"}""";

    private JudgePrompts() {
    }

    /** What an answer looks like for a kind of task [ours]. */
    public static String answerDescription(TaskKind kind) {
        return switch (kind) {
            case MATH -> "a single number (it may be a decimal, a fraction or negative).";
            case CODE -> "a complete Python function (def ...) that returns a value; an explanation alone is not "
                    + "an answer.";
            case OTHER -> "a complete, final answer to the user's request.";
        };
    }
}
