package org.userlm.workbench.evaluation.experiment;

import java.util.List;
import java.util.Locale;

/**
 * Our small SVG export of the dashboard's chart data (not a chart engine: fixed layouts for the three report charts,
 * so the HTML report and the SVG exports need no JavaFX). Values are proportions in [0, 1] or differences in [-1, 1].
 */
public final class SvgCharts {
    private static final int W = 640;
    private static final int ROW = 26;
    private static final int LEFT = 220;

    private SvgCharts() {
    }

    /**
     * A labelled horizontal bar with an interval.
     *
     * @param label the row label
     * @param value the bar's value
     * @param lo    interval lower bound (NaN: none)
     * @param hi    interval upper bound (NaN: none)
     */
    public record Bar(String label, double value, double lo, double hi) {
    }

    /** Horizontal bars with interval whiskers on an axis from {@code min} to {@code max}. */
    public static String bars(String title, List<Bar> bars, double min, double max) {
        int h = 50 + bars.size() * ROW + 30;
        StringBuilder sb = header(title, h);
        double scale = (W - LEFT - 30) / (max - min);
        double zeroX = LEFT + (0 - min) * scale;
        int y = 40;
        for (Bar b : bars) {
            double v = Double.isNaN(b.value()) ? 0 : b.value();
            double x0 = Math.min(zeroX, LEFT + (v - min) * scale);
            double w = Math.abs((v - min) * scale + LEFT - zeroX);
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 8,
                    y + 16, esc(b.label())));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" "
                    + "fill=\"#4f7fbf\"/>%n", x0, y + 3, w));
            if (!Double.isNaN(b.lo()) && !Double.isNaN(b.hi())) {
                double a = LEFT + (b.lo() - min) * scale;
                double c = LEFT + (b.hi() - min) * scale;
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"#222\" stroke-width=\"1.5\"/>%n", a, y + 12, c, y + 12));
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"#222\"/><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\"/>%n",
                        a, y + 6, a, y + 18, c, y + 6, c, y + 18));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", W - 28,
                    y + 16, Double.isNaN(b.value()) ? "n/a" : String.format(Locale.ROOT, "%.2f", b.value())));
            y += ROW;
        }
        int axisY = y + 8;
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n",
                LEFT, axisY, W - 30, axisY));
        for (int i = 0; i <= 4; i++) {
            double v = min + (max - min) * i / 4;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
                    + "%.2f</text>%n", LEFT + (v - min) * scale, axisY + 16, v));
        }
        return sb.append("</svg>\n").toString();
    }

    /** A rows × columns grid of shares in [0, 1] (NaN: grey), white to blue. */
    public static String heatmap(String title, List<String> rows, List<String> cols, double[][] values) {
        int cell = Math.max(6, Math.min(24, (W - LEFT - 20) / Math.max(1, cols.size())));
        int h = 50 + rows.size() * ROW + 20;
        StringBuilder sb = header(title, h);
        for (int r = 0; r < rows.size(); r++) {
            int y = 40 + r * ROW;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 8,
                    y + 16, esc(rows.get(r))));
            for (int c = 0; c < cols.size(); c++) {
                double v = values[r][c];
                String fill = Double.isNaN(v) ? "#cccccc" : String.format(Locale.ROOT, "rgb(%d,%d,%d)",
                        (int) (255 - 200 * v), (int) (255 - 130 * v), 255 - (int) (40 * v));
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"%s\">"
                        + "<title>%s: %s</title></rect>%n", LEFT + c * cell, y, cell - 1, fill, esc(cols.get(c)),
                        Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v)));
            }
        }
        return sb.append("</svg>\n").toString();
    }

    private static StringBuilder header(String title, int h) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, h, W, h));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s"
                + "</text>%n", 10, esc(title)));
        return sb;
    }

    static String esc(String s) {
        return (s == null ? "" : s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
