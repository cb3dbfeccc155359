package org.userlm.workbench.ui.common.editor;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A RichTextFX code area with syntax highlighting and a validation line under it. Highlighting and validation run
 * on a worker once typing pauses ({@code successionEnds}), never per keystroke on the FX thread; the result is
 * applied only if the text has not changed since. Bind it to a view model's property with
 * {@link #bindBidirectional}; the property stays the source of truth.
 */
public final class CodeEditor extends VBox {
    /** How long typing must pause before the text is restyled and checked. */
    static final Duration SETTLE = Duration.ofMillis(150);
    private static final double LINE = 18;
    private static final PseudoClass READONLY = PseudoClass.getPseudoClass("readonly");
    private static final ExecutorService WORKER = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "editor-check");
        t.setDaemon(true);
        return t;
    });

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    // The scroll pane lays the area over its own border: the frame around it draws border and padding.
    private final StackPane frame = new StackPane(scroll);
    private final Label message = new Label();
    private final Highlighter highlighter;
    private final Validator validator;
    private final ReadOnlyObjectWrapper<Diagnostic> diagnostic = new ReadOnlyObjectWrapper<>();
    private long generation;

    /**
     * @param highlighter  styles the text
     * @param validator    checks it
     * @param lineNumbers  show a line-number gutter (code), or not (prose)
     * @param wrap         wrap long lines (prose), or scroll sideways (code)
     */
    public CodeEditor(Highlighter highlighter, Validator validator, boolean lineNumbers, boolean wrap) {
        this.highlighter = highlighter;
        this.validator = validator;
        getStyleClass().add("code-editor");
        setSpacing(4);
        area.setWrapText(wrap);
        if (lineNumbers) {
            area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        }
        // The area's own preferred width is its longest line: keep it from widening the form.
        frame.setPrefWidth(120);
        frame.setMinWidth(0);
        frame.getStyleClass().add("code-editor-frame");
        getStyleClass().add(wrap ? "prose-editor" : "source-editor");
        VBox.setVgrow(frame, Priority.ALWAYS);
        message.getStyleClass().add("editor-message");
        message.setWrapText(true);
        message.setMinHeight(Label.USE_PREF_SIZE);
        showMessage(null);
        getChildren().addAll(frame, message);
        setRows(4);
        area.multiPlainChanges().successionEnds(SETTLE).subscribe(ignore -> refresh());
    }

    /** Ids for tests and the layout audit: the box, {@code id-area} and {@code id-message}. */
    public CodeEditor identify(String id) {
        setId(id);
        area.setId(id + "-area");
        message.setId(id + "-message");
        return this;
    }

    /** The visible height in lines. */
    public CodeEditor setRows(int rows) {
        frame.setPrefHeight(rows * LINE + 12);
        frame.setMinHeight(Math.min(rows, 2) * LINE + 12);
        return this;
    }

    /** Text shown while the editor is empty (what blank means, which placeholders exist). */
    public CodeEditor setPlaceholder(String hint) {
        Label l = new Label(hint);
        l.getStyleClass().addAll("hint", "editor-placeholder");
        l.setWrapText(true);
        // The area lays its placeholder out at its preferred width: hold that to the area's, so the hint wraps.
        l.setMinWidth(0);
        l.prefWidthProperty().bind(area.widthProperty().subtract(12));
        l.maxWidthProperty().bind(area.widthProperty().subtract(12));
        area.setPlaceholder(l);
        return this;
    }

    /** Read-only (the effective template of a model folder, say). */
    public CodeEditor setEditable(boolean editable) {
        area.setEditable(editable);
        pseudoClassStateChanged(READONLY, !editable);
        return this;
    }

    /**
     * Keeps the editor and {@code p} equal both ways. Each side is written only when it differs from the other, so
     * the two listeners cannot loop; a null value shows as empty text (and empty text does not overwrite null).
     */
    public CodeEditor bindBidirectional(StringProperty p) {
        replace(text(p.get()));
        area.getUndoManager().forgetHistory();
        p.addListener((o, was, now) -> {
            if (!text(now).equals(area.getText())) {
                replace(text(now));
            }
        });
        area.textProperty().addListener((o, was, now) -> {
            if (!now.equals(text(p.get()))) {
                p.set(now);
            }
        });
        refresh(); // an unchanged (say empty) text fires no change, and still deserves a check
        return this;
    }

    /** Replaces the whole text (restyled once it settles). */
    public void replace(String text) {
        area.replaceText(text == null ? "" : text);
    }

    public String getText() {
        return area.getText();
    }

    public CodeArea area() {
        return area;
    }

    /** The current problem, or null; updated once the text settles. */
    public ReadOnlyObjectProperty<Diagnostic> diagnosticProperty() {
        return diagnostic.getReadOnlyProperty();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Snapshots the settled text and styles and checks it on a worker; stale results are dropped. */
    private void refresh() {
        String snapshot = area.getText();
        long gen = ++generation;
        WORKER.execute(() -> {
            List<Span> spans = highlighter.spans(snapshot);
            Platform.runLater(() -> {
                if (gen == generation) {
                    apply(snapshot, spans, null); // colours now; the check may take longer
                }
            });
            Diagnostic d;
            try {
                d = validator.check(snapshot);
            } catch (RuntimeException e) {
                // A checker bug must not leave a stale message: say the check itself failed.
                d = Diagnostic.whole("Could not check this text: " + e, Diagnostic.Severity.WARNING);
            }
            Diagnostic checked = d;
            Platform.runLater(() -> {
                if (gen == generation) {
                    apply(snapshot, spans, checked);
                    diagnostic.set(checked);
                    showMessage(checked);
                }
            });
        });
    }

    private void apply(String snapshot, List<Span> spans, Diagnostic d) {
        if (!snapshot.equals(area.getText()) || snapshot.isEmpty()) {
            return;
        }
        StyleSpans<Collection<String>> styles = styles(snapshot.length(), spans);
        if (d != null && d.placed() && d.end() <= snapshot.length()) {
            styles = styles.overlay(styles(snapshot.length(), List.of(new Span(d.start(), d.end(), Tok.ERROR))),
                    CodeEditor::union);
        }
        area.setStyleSpans(0, styles);
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Ascending, non-overlapping spans (overlaps are skipped) as RichTextFX style spans covering the text. */
    static StyleSpans<Collection<String>> styles(int length, List<Span> spans) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at || s.end() > length || s.end() == s.start()) {
                continue;
            }
            if (s.start() > at) {
                b.add(Collections.emptyList(), s.start() - at);
            }
            b.add(List.of(s.style()), s.end() - s.start());
            at = s.end();
        }
        b.add(Collections.emptyList(), length - at);
        return b.create();
    }

    private void showMessage(Diagnostic d) {
        message.setText(d == null ? "" : d.display());
        message.getStyleClass().setAll("label", "editor-message", d == null ? "editor-ok"
                : d.severity() == Diagnostic.Severity.ERROR ? "editor-error" : "editor-warning");
        message.setVisible(d != null);
        message.setManaged(d != null);
    }
}
