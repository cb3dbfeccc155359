package org.userlm.workbench.evaluation.metrics;

import java.util.Locale;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the point estimate
 * @param lower    lower bound
 * @param upper    upper bound
 */
public record Interval(double estimate, double lower, double upper) {

    /** "57.1% [25.0–84.2]" for proportions. */
    public String percent() {
        if (Double.isNaN(estimate)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f%% [%.0f–%.0f]", estimate * 100, lower * 100, upper * 100);
    }
}
