package org.userlm.workbench.evaluation.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.evaluation.agreement.KrippendorffAlpha.Metric;

/** Agreement coefficients against published and hand-computed values. */
class AgreementStatisticsTest {

    /**
     * The reliability data matrix of Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C
     * ("nominal data, any number of observers, missing data"): 4 observers x 12 units, null = missing. Unit 12 has
     * one value only and is not pairable, so 11 units and n = 40 values remain.
     */
    private static final Integer[][] KRIPPENDORFF_2011 = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
        {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
    };

    private static List<List<String>> units(Integer[][] matrix) {
        List<List<String>> units = new ArrayList<>();
        for (int u = 0; u < matrix[0].length; u++) {
            List<String> values = new ArrayList<>();
            for (Integer[] observer : matrix) {
                if (observer[u] != null) {
                    values.add(observer[u].toString());
                }
            }
            units.add(values);
        }
        return units;
    }

    @Test
    void krippendorffsPublishedExampleNominal() {
        // Source: the paper's own result, alpha_nominal = 0.743; exact value 113/152 = 0.74342 (our fractions).
        KrippendorffAlpha.Result r = KrippendorffAlpha.compute(units(KRIPPENDORFF_2011), Metric.NOMINAL);
        assertEquals(0.743, r.alpha(), 0.0005);
        assertEquals(113.0 / 152.0, r.alpha(), 1e-12);
        assertEquals(11, r.units());
        assertEquals(40, r.values());
    }

    @Test
    void krippendorffsPublishedExampleInterval() {
        // Source: the same paper gives alpha_interval = 0.849 for this matrix; exact value 951/1120.
        KrippendorffAlpha.Result r = KrippendorffAlpha.compute(units(KRIPPENDORFF_2011), Metric.INTERVAL);
        assertEquals(0.849, r.alpha(), 0.0005);
        assertEquals(951.0 / 1120.0, r.alpha(), 1e-12);
    }

    @Test
    void krippendorffsExampleOrdinal() {
        // Source: our own hand computation (the paper does not print the ordinal figure). Marginals from the
        // coincidence matrix: n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3 (n = 40). Ordinal
        // d2_ck = (sum_{g=c..k} n_g - (n_c + n_k)/2)^2, e.g. d2_12 = (22 - 11)^2 = 121, d2_13 = (32 - 9.5)^2.
        // Observed disagreement sum o_ck d2_ck and expected sum n_c n_k d2_ck / (n - 1) give
        // alpha = 108577/133160 = 0.81539; an independent pairwise-form script (exact fractions) agreed.
        KrippendorffAlpha.Result r = KrippendorffAlpha.compute(units(KRIPPENDORFF_2011), Metric.ORDINAL);
        assertEquals(108577.0 / 133160.0, r.alpha(), 1e-12);
        assertEquals(0.815, r.alpha(), 0.0005);
    }

    @Test
    void alphaIsUndefinedWithoutVariationAndIgnoresSingletons() {
        List<List<String>> same = List.of(List.of("a", "a"), List.of("a", "a", "a"), List.of("b"));
        KrippendorffAlpha.Result r = KrippendorffAlpha.compute(same, Metric.NOMINAL);
        assertTrue(Double.isNaN(r.alpha()));
        assertEquals(2, r.units());
        assertEquals(5, r.values());
        assertTrue(Double.isNaN(KrippendorffAlpha.compute(List.of(), Metric.NOMINAL).alpha()));
    }

    @Test
    void alphaIsOneForPerfectAgreement() {
        List<List<String>> perfect = List.of(List.of("1", "1"), List.of("3", "3", "3"), List.of("5", "5"));
        for (Metric m : Metric.values()) {
            assertEquals(1.0, KrippendorffAlpha.compute(perfect, m).alpha(), 1e-12, m.name());
        }
    }

    @Test
    void cohenKappaByHand() {
        // Hand-computed 2x2 table over 10 items (A = first rater, B = second):
        //            B yes  B no
        //   A yes      4      2     -> A says yes 6/10
        //   A no       1      3     -> A says no  4/10
        //   B: yes 5/10, no 5/10.
        // p_o = (4 + 3) / 10 = 0.7; p_e = 0.6 * 0.5 + 0.4 * 0.5 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
        List<CohenKappa.Pair> pairs = new ArrayList<>();
        pairs.addAll(Collections.nCopies(4, new CohenKappa.Pair("yes", "yes")));
        pairs.addAll(Collections.nCopies(2, new CohenKappa.Pair("yes", "no")));
        pairs.addAll(Collections.nCopies(1, new CohenKappa.Pair("no", "yes")));
        pairs.addAll(Collections.nCopies(3, new CohenKappa.Pair("no", "no")));
        CohenKappa.Result r = CohenKappa.compute(pairs);
        assertEquals(0.4, r.kappa(), 1e-12);
        assertEquals(10, r.items());
    }

    @Test
    void cohenKappaThreeCategoriesByHand() {
        // 3 categories, 8 items. A: a a a b b c c c; B: a a b b b c c a.
        // agreements: a,a | b,b | c,c -> 2 + 1 + 2... items: (a,a)(a,a)(a,b)(b,b)(b,b)(c,c)(c,c)(c,a) -> 6 agree.
        // p_o = 6/8 = 0.75. A marginals a 3/8, b 2/8, c 3/8; B marginals a 3/8, b 3/8, c 2/8.
        // p_e = (9 + 6 + 6) / 64 = 21/64. kappa = (0.75 - 21/64) / (1 - 21/64) = (27/64) / (43/64) = 27/43.
        String[] a = {"a", "a", "a", "b", "b", "c", "c", "c"};
        String[] b = {"a", "a", "b", "b", "b", "c", "c", "a"};
        List<CohenKappa.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            pairs.add(new CohenKappa.Pair(a[i], b[i]));
        }
        assertEquals(27.0 / 43.0, CohenKappa.compute(pairs).kappa(), 1e-12);
    }

    @Test
    void nominalAlphaForTwoRatersIsCloseToKappa() {
        // Same 10-item table as cohenKappaByHand. For two raters without missing data, alpha_nominal =
        // 1 - (n - 1) * D_o / D_e with n = 20: o_yes,no = o_no,yes = 3, n_yes = 11, n_no = 9,
        // alpha = 1 - 19 * 6 / (2 * 11 * 9) = 1 - 114/198 = 0.42424...
        List<List<String>> units = new ArrayList<>();
        units.addAll(Collections.nCopies(4, List.of("yes", "yes")));
        units.addAll(Collections.nCopies(2, List.of("yes", "no")));
        units.addAll(Collections.nCopies(1, List.of("no", "yes")));
        units.addAll(Collections.nCopies(3, List.of("no", "no")));
        assertEquals(1 - 114.0 / 198.0, KrippendorffAlpha.compute(units, Metric.NOMINAL).alpha(), 1e-12);
    }
}
