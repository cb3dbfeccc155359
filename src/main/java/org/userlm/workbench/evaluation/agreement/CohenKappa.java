package org.userlm.workbench.evaluation.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cohen's kappa for two raters and nominal labels: {@code (p_o - p_e) / (1 - p_e)} over the items both rated,
 * with {@code p_e} from each rater's own label distribution. Pure and thread-safe.
 */
public final class CohenKappa {

    /**
     * One item's two labels.
     *
     * @param first  the first rater's label
     * @param second the second rater's label
     */
    public record Pair(String first, String second) {
    }

    /**
     * The result.
     *
     * @param kappa the coefficient, or NaN when undefined (no items, or chance agreement is 1)
     * @param items the items behind it
     */
    public record Result(double kappa, int items) {
    }

    private CohenKappa() {
    }

    /** Computes kappa over the items both raters labelled. */
    public static Result compute(List<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new Result(Double.NaN, 0);
        }
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> second = new HashMap<>();
        int agree = 0;
        for (Pair p : pairs) {
            first.merge(p.first(), 1, Integer::sum);
            second.merge(p.second(), 1, Integer::sum);
            if (p.first().equals(p.second())) {
                agree++;
            }
        }
        double po = (double) agree / n;
        double pe = 0;
        for (Map.Entry<String, Integer> e : first.entrySet()) {
            pe += (double) e.getValue() / n * second.getOrDefault(e.getKey(), 0) / n;
        }
        return new Result(pe == 1 ? Double.NaN : (po - pe) / (1 - pe), n);
    }
}
