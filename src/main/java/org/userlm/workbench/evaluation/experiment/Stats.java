package org.userlm.workbench.evaluation.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.evaluation.metrics.Interval;
import org.userlm.workbench.evaluation.metrics.Wilson;

/** Means with 95% normal intervals, sample variance and Shannon entropy. */
final class Stats {
    private Stats() {
    }

    /** Mean ± 1.96 standard errors; NaN estimate when empty, no interval (NaN bounds) with one value. */
    static Interval mean(List<Double> xs) {
        if (xs.isEmpty()) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (xs.size() < 2) {
            return new Interval(mean, Double.NaN, Double.NaN);
        }
        double se = Math.sqrt(variance(xs) / xs.size());
        return new Interval(mean, mean - Wilson.Z95 * se, mean + Wilson.Z95 * se);
    }

    /** Sample variance (n − 1); NaN with fewer than two values. */
    static double variance(List<Double> xs) {
        if (xs.size() < 2) {
            return Double.NaN;
        }
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return ss / (xs.size() - 1);
    }

    /** Shannon entropy in bits of the values' empirical distribution. */
    static double entropy(List<String> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / values.size();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h == 0 ? 0 : h;
    }
}
