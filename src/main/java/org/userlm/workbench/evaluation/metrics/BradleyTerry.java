package org.userlm.workbench.evaluation.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A per-simulator leaderboard from blind pairwise judgments: the win rate (a tie counts as half a win for each
 * side) with a 95% Wilson interval, and Bradley–Terry strengths fitted with Hunter's MM algorithm. Strengths are
 * normalised to sum to the number of players; a player who never lost (or never won) is kept finite by a prior of
 * one tie against every other player it met ("+1 tie" smoothing [ours]).
 */
public final class BradleyTerry {
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-9;

    private BradleyTerry() {
    }

    /**
     * One leaderboard row.
     *
     * @param name      the player
     * @param games     judgments it took part in
     * @param wins      wins, ties counted as 0.5
     * @param winRate   wins / games with its 95% Wilson interval
     * @param strength  the Bradley–Terry strength (mean 1 over the players)
     */
    public record Row(String name, int games, double wins, Interval winRate, double strength) {
    }

    /** The leaderboard, strongest first. */
    public static List<Row> leaderboard(List<PairwiseResult> results) {
        List<String> names = new ArrayList<>(new TreeSet<>(results.stream()
                .flatMap(r -> Stream.of(r.left(), r.right())).toList()));
        int k = names.size();
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            idx.put(names.get(i), i);
        }
        double[] wins = new double[k];
        int[] games = new int[k];
        double[][] n = new double[k][k];
        double[][] w = new double[k][k];
        for (PairwiseResult r : results) {
            int a = idx.get(r.left());
            int b = idx.get(r.right());
            if (a == b) {
                continue;
            }
            double sa = r.winner() > 0 ? 1 : r.winner() < 0 ? 0 : 0.5;
            wins[a] += sa;
            wins[b] += 1 - sa;
            games[a]++;
            games[b]++;
            n[a][b]++;
            n[b][a]++;
            w[a][b] += sa;
            w[b][a] += 1 - sa;
        }
        double[] p = strengths(n, w);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            rows.add(new Row(names.get(i), games[i], wins[i], Wilson.interval(wins[i], games[i]), p[i]));
        }
        rows.sort(Comparator.comparingDouble(Row::strength).reversed().thenComparing(Row::name));
        return rows;
    }

    /**
     * Bradley–Terry strengths by the MM algorithm: {@code p_i ← W_i / Σ_j n_ij / (p_i + p_j)}.
     *
     * @param n games between i and j (symmetric)
     * @param w wins of i over j (ties as 0.5)
     */
    static double[] strengths(double[][] n, double[][] w) {
        int k = n.length;
        double[][] nn = new double[k][k];
        double[][] ww = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                boolean met = n[i][j] > 0;
                nn[i][j] = n[i][j] + (met ? 1 : 0);
                ww[i][j] = w[i][j] + (met ? 0.5 : 0);
            }
        }
        double[] p = new double[k];
        Arrays.fill(p, 1.0);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[k];
            double change = 0;
            for (int i = 0; i < k; i++) {
                double wi = 0;
                double denom = 0;
                for (int j = 0; j < k; j++) {
                    if (j != i && nn[i][j] > 0) {
                        wi += ww[i][j];
                        denom += nn[i][j] / (p[i] + p[j]);
                    }
                }
                next[i] = denom == 0 ? 1.0 : wi / denom;
            }
            normalise(next);
            for (int i = 0; i < k; i++) {
                change = Math.max(change, Math.abs(next[i] - p[i]));
            }
            p = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return p;
    }

    private static void normalise(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (sum > 0) {
            for (int i = 0; i < p.length; i++) {
                p[i] *= p.length / sum;
            }
        }
    }
}
