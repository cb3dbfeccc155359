package org.userlm.workbench.ui.common.editor;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.userlm.workbench.ui.common.Viewport;

/**
 * A RichTextFX code area with syntax highlighting and a validation line under it. Highlighting and validation run
 * on a worker once typing pauses ({@link #SETTLE}), never per keystroke on the FX thread; the result is applied only
 * if the text has not changed since. Bind it to a view model's property with {@link #bindBidirectional}; the
 * property stays the source of truth.
 *
 * <p>The code area itself (RichTextFX: about a thousand classes, half a second the first time) is made when it is
 * first needed: when the editor comes within {@link #AHEAD} pixels of the visible part of its window (scrolled to,
 * unfolded, its tab shown), when it is clicked or tabbed into, or when {@link #area()} is called. Until then the
 * frame shows the text as plain lines in the same font, and validation works on the text as always. So a settings
 * column whose editors sit below the fold starts without them (bench-start).
 */
public final class CodeEditor extends VBox {
    /** How long typing must pause before the text is restyled and checked. */
    static final Duration SETTLE = Duration.ofMillis(150);
    /** How near the visible part of the window (pixels) an editor must come for its code area to be made. */
    static final double AHEAD = 200;
    private static final double LINE = 18;
    private static final PseudoClass READONLY = PseudoClass.getPseudoClass("readonly");
    private static final PseudoClass PLACEHOLDER = PseudoClass.getPseudoClass("placeholder");
    private static final ExecutorService WORKER = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "editor-check");
        t.setDaemon(true);
        return t;
    });

    private final boolean lineNumbers;
    private final boolean wrap;
    /** The editor's text: the code area's once it exists, this until then. */
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private CodeArea area;
    private final Frame frame = new Frame();
    /** The text in plain lines until the code area is made: a {@code Text}, cut by the frame, never ellipsised. */
    private final Text preview = new Text();
    private final Label message = new Label();
    private final Highlighter highlighter;
    private final Validator validator;
    private final ReadOnlyObjectWrapper<Diagnostic> diagnostic = new ReadOnlyObjectWrapper<>();
    private final PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(SETTLE.toMillis()));
    private String placeholder;
    private boolean editable = true;
    /** Stops watching for the frame to come near the view (see {@link Viewport#whenNear}). */
    private final Runnable unwatch;
    private String snapshot;
    private List<Span> spans = List.of();
    private Diagnostic checked;
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
        this.lineNumbers = lineNumbers;
        this.wrap = wrap;
        getStyleClass().add("code-editor");
        setSpacing(4);
        // The area's own preferred width is its longest line: keep it from widening the form.
        frame.setPrefWidth(120);
        frame.setMinWidth(0);
        frame.getStyleClass().add("code-editor-frame");
        getStyleClass().add(wrap ? "prose-editor" : "source-editor");
        VBox.setVgrow(frame, Priority.ALWAYS);
        preview.getStyleClass().add("code-editor-preview");
        preview.setTextOrigin(VPos.TOP);
        preview.setManaged(false); // placed at the frame's inner corner; the frame's clip cuts what does not fit
        preview.textProperty().bind(text);
        preview.pseudoClassStateChanged(PLACEHOLDER, true);
        text.addListener((o, was, now) -> {
            preview.pseudoClassStateChanged(PLACEHOLDER, now.isEmpty());
            frame.requestLayout();
        });
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(frame.widthProperty());
        clip.heightProperty().bind(frame.heightProperty());
        frame.setClip(clip);
        frame.getChildren().add(preview);
        frame.setFocusTraversable(true);
        frame.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                area().requestFocus(); // tabbed into: the real editor takes the focus
            }
        });
        frame.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (area == null) {
                area().requestFocus();
                e.consume();
            }
        });
        message.getStyleClass().add("editor-message");
        message.setWrapText(true);
        message.setMinHeight(Label.USE_PREF_SIZE);
        showMessage(null);
        getChildren().addAll(frame, message);
        setRows(4);
        unwatch = Viewport.whenNear(frame, AHEAD, () -> {
            if (area == null) {
                materialize();
            }
        });
        settle.setOnFinished(e -> refresh());
        text.addListener((o, was, now) -> {
            if (area != null && !now.equals(area.getText())) {
                area.replaceText(now);
            }
            settle.playFromStart();
        });
    }

    /** Ids for tests and the layout audit: the box, {@code id-area} and {@code id-message}. */
    public CodeEditor identify(String id) {
        setId(id);
        if (area != null) {
            area.setId(id + "-area");
        }
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
        placeholder = hint;
        preview.textProperty().unbind();
        preview.textProperty().bind(Bindings.createStringBinding(() -> text.get().isEmpty() ? hint : text.get(),
                text));
        if (area != null) {
            area.setPlaceholder(placeholderLabel(hint));
        }
        return this;
    }

    private Label placeholderLabel(String hint) {
        Label l = new Label(hint);
        l.getStyleClass().addAll("hint", "editor-placeholder");
        l.setWrapText(true);
        // The area lays its placeholder out at its preferred width: hold that to the area's, so the hint wraps.
        l.setMinWidth(0);
        l.prefWidthProperty().bind(area.widthProperty().subtract(12));
        l.maxWidthProperty().bind(area.widthProperty().subtract(12));
        return l;
    }

    /** Read-only (the effective template of a model folder, say). */
    public CodeEditor setEditable(boolean editable) {
        this.editable = editable;
        if (area != null) {
            area.setEditable(editable);
        }
        pseudoClassStateChanged(READONLY, !editable);
        return this;
    }

    /**
     * Keeps the editor and {@code p} equal both ways. Each side is written only when it differs from the other, so
     * the two listeners cannot loop; a null value shows as empty text (and empty text does not overwrite null).
     */
    public CodeEditor bindBidirectional(StringProperty p) {
        replace(text(p.get()));
        if (area != null) {
            area.getUndoManager().forgetHistory();
        }
        p.addListener((o, was, now) -> {
            if (!text(now).equals(text.get())) {
                replace(text(now));
            }
        });
        text.addListener((o, was, now) -> {
            if (!now.equals(text(p.get()))) {
                p.set(now);
            }
        });
        refresh(); // an unchanged (say empty) text fires no change, and still deserves a check
        return this;
    }

    /** Replaces the whole text (restyled once it settles). */
    public void replace(String text) {
        this.text.set(text == null ? "" : text);
    }

    public String getText() {
        return text.get();
    }

    /** The RichTextFX area, made now if it was not yet (see the class comment). */
    public CodeArea area() {
        if (area == null) {
            materialize();
        }
        return area;
    }

    /** Whether the code area has been made (tests). */
    boolean materialized() {
        return area != null;
    }

    /** The current problem, or null; updated once the text settles. */
    public ReadOnlyObjectProperty<Diagnostic> diagnosticProperty() {
        return diagnostic.getReadOnlyProperty();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Makes the code area with the editor's text and settings and puts it in the frame in place of the preview. */
    private void materialize() {
        area = new CodeArea(text.get());
        area.getUndoManager().forgetHistory();
        area.setWrapText(wrap);
        area.setEditable(editable);
        if (lineNumbers) {
            area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        }
        if (getId() != null) {
            area.setId(getId() + "-area");
        }
        if (placeholder != null) {
            area.setPlaceholder(placeholderLabel(placeholder));
        }
        area.textProperty().addListener((o, was, now) -> {
            if (!now.equals(text.get())) {
                text.set(now);
            }
        });
        frame.setFocusTraversable(false);
        frame.setClip(null);
        unwatch.run();
        frame.getChildren().setAll(new VirtualizedScrollPane<>(area));
        if (snapshot != null) {
            apply(snapshot, spans, checked); // the colours already computed for this text
        }
    }

    /** The frame: places the preview until the area exists. */
    private final class Frame extends StackPane {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (area == null) {
                Insets in = getInsets();
                preview.relocate(in.getLeft() + 2, in.getTop());
                // Prose wraps, code does not; the placeholder hint always does (as the area's own placeholder).
                preview.setWrappingWidth(wrap || text.get().isEmpty()
                        ? Math.max(1, getWidth() - in.getLeft() - in.getRight() - 4) : 0);
            }
        }
    }

    /** Snapshots the settled text and styles and checks it on a worker; stale results are dropped. */
    private void refresh() {
        String snapshot = text.get();
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
        this.snapshot = snapshot;
        this.spans = spans;
        this.checked = d;
        if (area == null || !snapshot.equals(area.getText()) || snapshot.isEmpty()) {
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
