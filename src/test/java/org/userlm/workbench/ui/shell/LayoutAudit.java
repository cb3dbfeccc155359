package org.userlm.workbench.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;

/**
 * Walks a scene graph and reports what a reader would see wrong: a {@link Labeled} whose skin shows other text
 * than it holds (cut with an ellipsis), and visible text whose contrast against the nearest painted background
 * is below 4.5:1 (WCAG AA). Call on the FX thread.
 */
final class LayoutAudit {
    static final double MIN_CONTRAST = 4.5;

    private LayoutAudit() {
    }

    /** Problems found under {@code root}, one line each. */
    static List<String> check(Parent root, String where) {
        List<String> problems = new ArrayList<>();
        root.applyCss();
        root.layout();
        Bounds view = root.localToScene(root.getLayoutBounds());
        walk(root, where, view, problems);
        return problems;
    }

    private static void walk(Node n, String where, Bounds view, List<String> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Labeled l) {
            checkLabeled(l, where, out);
        }
        if (n instanceof Spinner<?> sp) {
            checkSpinner(sp, where, out);
        } else if (n instanceof TextField f && !(n.getParent() instanceof Spinner<?>)) {
            checkPrompt(f, where, out);
        }
        if (n instanceof ScrollPane sp && sp.isFitToWidth() && sp.getContent() instanceof Region content) {
            double room = sp.getViewportBounds().getWidth();
            double need = content.minWidth(-1);
            if (room > 0 && need > room + 1) {
                out.add(where + ": " + describe(sp) + " must fit its width (" + Math.round(room) + " px) but its "
                        + "content needs " + Math.round(need) + " px: " + widest(content));
            }
        }
        if (n instanceof Text t && !isDisabled(t) && inView(t, view)) {
            checkContrast(t, where, out);
            checkUnderEdge(t, where, out);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, where, view, out);
            }
        }
    }

    /** A number in a spinner is read whole or not at all ("1024" must not show as "102"). */
    private static void checkSpinner(Spinner<?> sp, String where, List<String> out) {
        String s = sp.getEditor().getText();
        if (s != null && !s.isEmpty()) {
            checkFits(sp.getEditor(), s, where + ": spinner " + describe(sp), "\"" + s + "\"", out);
        }
    }

    /** An empty field's hint is read whole or not at all ("Search tasks" must not show as "Search tasl"). */
    private static void checkPrompt(TextField f, String where, List<String> out) {
        String hint = f.getPromptText();
        if (hint != null && !hint.isBlank() && f.getText().isEmpty()) {
            checkFits(f, hint, where + ": text field " + describe(f), "its hint \"" + hint + "\"", out);
        }
    }

    /** {@code s} in the field's font must fit inside the field's insets. */
    private static void checkFits(TextField f, String s, String who, String what, List<String> out) {
        if (f.getWidth() <= 0) {
            return;
        }
        Text probe = new Text(s);
        probe.setFont(f.getFont());
        double need = probe.getLayoutBounds().getWidth();
        double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
        if (need > room + 0.5) {
            out.add(who + " is " + Math.round(room) + " px wide inside but " + what + " needs " + Math.round(need)
                    + " px (shown cut)");
        }
    }

    private static boolean inView(Node n, Bounds view) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.intersects(view) && !clippedOut(n, b);
    }

    /** Inside a scroll pane but scrolled out of its viewport (nobody sees it, so nobody judges its contrast). */
    private static boolean clippedOut(Node n, Bounds b) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Bounds v = sp.localToScene(sp.getLayoutBounds());
                if (!v.intersects(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Text that runs under the right edge of a scroll pane meant to fit its width ({@code fitToWidth}): the
     * content is wider than the pane allows, so words are hidden unless one scrolls sideways.
     */
    private static void checkUnderEdge(Text t, String where, List<String> out) {
        String s = t.getText();
        if (s == null || s.isBlank()) {
            return;
        }
        Bounds b = t.localToScene(t.getBoundsInLocal());
        for (Node p = t.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.isFitToWidth()) {
                Bounds v = sp.localToScene(sp.getLayoutBounds());
                if (b.getMaxX() > v.getMaxX() + 1 && b.getMinX() < v.getMaxX()) {
                    out.add(where + ": \"" + shorten(s) + "\" runs under the right edge of " + describe(sp)
                            + " by " + Math.round(b.getMaxX() - v.getMaxX()) + " px");
                }
                return;
            }
        }
    }

    /** The chain of children with the largest minimum width: where a too-wide layout comes from. */
    private static String widest(Region r) {
        StringBuilder sb = new StringBuilder();
        Node n = r;
        for (int depth = 0; depth < 12 && n instanceof Parent p; depth++) {
            Node best = null;
            double bestMin = -1;
            for (Node c : p.getChildrenUnmodifiable()) {
                double m = c.minWidth(-1);
                if (c.isManaged() && m > bestMin) {
                    best = c;
                    bestMin = m;
                }
            }
            if (best == null) {
                break;
            }
            sb.append(" > ").append(best.getClass().getSimpleName())
                    .append(best.getId() == null ? "" : "#" + best.getId()).append('(').append(Math.round(bestMin))
                    .append(')');
            n = best;
        }
        return sb.toString();
    }

    private static void checkLabeled(Labeled l, String where, List<String> out) {
        String holds = l.getText();
        if (holds == null || holds.isBlank() || l.getWidth() <= 0) {
            return;
        }
        if (l.isMnemonicParsing()) {
            holds = holds.replaceFirst("_", "");
        }
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.getStyleClass().contains("text") && t.isVisible()) {
                String shown = t.getText();
                if (shown != null && !shown.equals(holds)) {
                    out.add(where + ": " + describe(l) + " shows \"" + shorten(shown) + "\" but holds \""
                            + shorten(holds) + "\"");
                }
                return;
            }
        }
    }

    private static void checkContrast(Text t, String where, List<String> out) {
        String s = t.getText();
        if (s == null || s.isBlank() || !(t.getFill() instanceof Color)) {
            return;
        }
        Color bg = background(t.getParent());
        Color fg = over((Color) t.getFill(), effectiveOpacity(t), bg);
        double ratio = contrast(fg, bg);
        if (ratio < MIN_CONTRAST) {
            out.add(String.format(Locale.ROOT, "%s: contrast %.2f:1 for \"%s\" (%s on %s) in %s", where, ratio,
                    shorten(s), hex(fg), hex(bg), describe(t.getParent())));
        }
    }

    private static boolean isDisabled(Node n) {
        return n.isDisabled();
    }

    private static double effectiveOpacity(Node n) {
        double o = 1;
        for (Node p = n; p != null; p = p.getParent()) {
            o *= p.getOpacity();
        }
        return o;
    }

    /** The colour painted behind {@code start}: the nearest ancestor background, composed over those below. */
    static Color background(Node start) {
        List<Color> layers = new ArrayList<>();
        for (Node p = start; p != null; p = p.getParent()) {
            if (p instanceof Region r) {
                Color c = topFill(r.getBackground());
                if (c != null) {
                    layers.add(c);
                    if (c.getOpacity() >= 0.999) {
                        break;
                    }
                }
            }
        }
        Color result = Color.WHITE;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Color c = layers.get(i);
            result = over(c, 1, result);
        }
        return result;
    }

    private static Color topFill(Background b) {
        if (b == null || b.getFills().isEmpty()) {
            return null;
        }
        Color acc = null;
        for (BackgroundFill f : b.getFills()) {
            Color c = solid(f.getFill());
            if (c == null || c.getOpacity() == 0) {
                continue;
            }
            acc = acc == null ? c : over(c, 1, acc);
        }
        return acc;
    }

    private static Color solid(Paint p) {
        if (p instanceof Color c) {
            return c;
        }
        List<Stop> stops = p instanceof LinearGradient lg ? lg.getStops()
                : p instanceof RadialGradient rg ? rg.getStops() : List.of();
        if (stops.isEmpty()) {
            return null;
        }
        double r = 0;
        double g = 0;
        double b = 0;
        double a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int n = stops.size();
        return new Color(r / n, g / n, b / n, a / n);
    }

    private static Color over(Color fg, double opacity, Color bg) {
        double a = fg.getOpacity() * opacity;
        return new Color(fg.getRed() * a + bg.getRed() * (1 - a), fg.getGreen() * a + bg.getGreen() * (1 - a),
                fg.getBlue() * a + bg.getBlue() * (1 - a), 1);
    }

    /** WCAG 2 contrast ratio of two opaque colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static String describe(Node n) {
        if (n == null) {
            return "?";
        }
        StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            sb.append('#').append(n.getId());
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                sb.append(" in #").append(p.getId());
                break;
            }
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }
}
