package org.userlm.workbench.ui.experiments;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

/**
 * A JavaFX {@link BarChart} that also draws each bar's 95% interval as a whisker. A bar's interval is its
 * {@link XYChart.Data#getExtraValue() extra value}, a {@code double[] {lo, hi}} (none when absent or NaN).
 */
final class IntervalBarChart extends BarChart<String, Number> {
    private final List<Node> whiskers = new ArrayList<>();

    IntervalBarChart(Axis<String> x, Axis<Number> y) {
        super(x, y);
        setAnimated(false);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(whiskers);
        whiskers.clear();
        Axis<Number> y = getYAxis();
        for (XYChart.Series<String, Number> s : getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                Node bar = d.getNode();
                if (bar == null || !(d.getExtraValue() instanceof double[] ci) || ci.length < 2
                        || Double.isNaN(ci[0]) || Double.isNaN(ci[1])) {
                    continue;
                }
                double cx = bar.getBoundsInParent().getMinX() + bar.getBoundsInParent().getWidth() / 2;
                double y0 = y.getDisplayPosition(ci[0]);
                double y1 = y.getDisplayPosition(ci[1]);
                double w = Math.max(3, bar.getBoundsInParent().getWidth() / 4);
                for (Line l : List.of(new Line(cx, y0, cx, y1), new Line(cx - w, y0, cx + w, y0),
                        new Line(cx - w, y1, cx + w, y1))) {
                    l.getStyleClass().add("interval-whisker");
                    l.setStrokeWidth(1.5);
                    l.setStyle("-fx-stroke: -fx-text-base-color;");
                    whiskers.add(l);
                }
            }
        }
        getPlotChildren().addAll(whiskers);
    }
}
