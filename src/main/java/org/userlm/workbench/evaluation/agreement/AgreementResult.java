package org.userlm.workbench.evaluation.agreement;

import java.util.List;

/**
 * Agreement on one question (or one tag of a multi-label question, named {@code question:tag}).
 *
 * @param question      question key, or {@code key:tag} for one tag judged as yes/no
 * @param items         items (turns or conversations) rated by at least two annotators: the data behind alpha
 *                      (and behind kappa, which with two annotators uses exactly these)
 * @param annotators    everyone who answered the question, sorted
 * @param cohenKappa    Cohen's kappa when exactly two annotators answered, else null; null also when undefined
 * @param alphaNominal  Krippendorff's alpha, nominal; null when undefined
 * @param alphaOrdinal  Krippendorff's alpha, ordinal, for ratings; else null
 * @param alphaInterval Krippendorff's alpha, interval, for ratings; else null
 */
public record AgreementResult(String question, int items, List<String> annotators, Double cohenKappa,
                              Double alphaNominal, Double alphaOrdinal, Double alphaInterval) {
    public AgreementResult {
        annotators = List.copyOf(annotators);
    }
}
