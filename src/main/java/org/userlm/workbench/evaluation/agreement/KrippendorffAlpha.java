package org.userlm.workbench.evaluation.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Krippendorff's alpha for any number of raters with missing data, computed through the coincidence matrix as in
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): {@code alpha = 1 - (n-1) * sum o_ck d2_ck /
 * sum n_c n_k d2_ck}. Units with fewer than two values are not pairable and are left out. Pure and thread-safe.
 */
public final class KrippendorffAlpha {

    /** The difference function. ORDINAL and INTERVAL need values that parse as numbers. */
    public enum Metric {
        /** Any two different labels differ by 1. */
        NOMINAL,
        /** Ranks: the squared count of values between the two, half of the end points included. */
        ORDINAL,
        /** Squared numeric difference. */
        INTERVAL
    }

    /**
     * The result.
     *
     * @param alpha  the coefficient, or NaN when undefined (no pairable values, or no variation at all)
     * @param units  pairable units (with at least two values) behind it
     * @param values pairable values behind it ({@code n})
     */
    public record Result(double alpha, int units, int values) {
    }

    private KrippendorffAlpha() {
    }

    /**
     * Computes alpha.
     *
     * @param units  per unit, the values given by the raters who rated it (missing ones omitted)
     * @param metric the difference function
     * @throws NumberFormatException when ORDINAL or INTERVAL gets a value that is not a number
     */
    public static Result compute(Collection<? extends Collection<String>> units, Metric metric) {
        List<List<String>> pairable = new ArrayList<>();
        for (Collection<String> u : units) {
            if (u.size() >= 2) {
                pairable.add(List.copyOf(u));
            }
        }
        Comparator<String> order = metric == Metric.NOMINAL ? Comparator.naturalOrder()
                : Comparator.comparingDouble(Double::parseDouble);
        TreeSet<String> categorySet = new TreeSet<>(order);
        pairable.forEach(categorySet::addAll);
        List<String> categories = List.copyOf(categorySet);
        int k = categories.size();
        double[][] o = new double[k][k];
        int n = 0;
        for (List<String> u : pairable) {
            int m = u.size();
            n += m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o[categories.indexOf(u.get(i))][categories.indexOf(u.get(j))] += 1.0 / (m - 1);
                    }
                }
            }
        }
        if (n == 0) {
            return new Result(Double.NaN, 0, 0);
        }
        double[] nc = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < k; j++) {
                nc[c] += o[c][j];
            }
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < k; j++) {
                double d2 = delta2(metric, categories, nc, c, j);
                observed += o[c][j] * d2;
                expected += nc[c] * nc[j] * d2;
            }
        }
        double alpha = expected == 0 ? Double.NaN : 1 - (n - 1) * observed / expected;
        return new Result(alpha, pairable.size(), n);
    }

    private static double delta2(Metric metric, List<String> categories, double[] nc, int c, int k) {
        if (c == k) {
            return 0;
        }
        return switch (metric) {
            case NOMINAL -> 1;
            case INTERVAL -> {
                double d = Double.parseDouble(categories.get(c)) - Double.parseDouble(categories.get(k));
                yield d * d;
            }
            case ORDINAL -> {
                int lo = Math.min(c, k);
                int hi = Math.max(c, k);
                double sum = 0;
                for (int g = lo; g <= hi; g++) {
                    sum += nc[g];
                }
                double d = sum - (nc[lo] + nc[hi]) / 2;
                yield d * d;
            }
        };
    }
}
