package org.userlm.workbench.evaluation.metrics;

/** The Wilson score interval for a binomial proportion (95% by default). */
public final class Wilson {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /**
     * The 95% Wilson interval of {@code successes / n}. Successes may be fractional (a tie counted as half a win).
     *
     * @return the interval; NaN estimate and [0, 1] bounds when {@code n == 0}
     */
    public static Interval interval(double successes, int n) {
        return interval(successes, n, Z95);
    }

    /** The Wilson interval with a given z. */
    public static Interval interval(double successes, int n, double z) {
        if (n <= 0) {
            return new Interval(Double.NaN, 0, 1);
        }
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
