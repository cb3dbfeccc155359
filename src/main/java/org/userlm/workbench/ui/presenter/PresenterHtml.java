package org.userlm.workbench.ui.presenter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A playlist as one self-contained HTML file (no network, no external files) that replays the way the presenter
 * does: the same words-per-minute typing, → / PgDn / space / click to advance, ← / PgUp back. Opened with
 * {@code #autoplay} it advances by itself (a pause after each turn), which is how the browser test drives it.
 * The page marks its progress on {@code <body>}: {@code data-slide}, {@code data-shown} and {@code data-state}
 * ({@code typing}, {@code typed} or {@code end}).
 */
public final class PresenterHtml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PresenterHtml() {
    }

    public static String render(Deck deck) {
        return PAGE.replace("%TITLE%", escape(deck.name())).replace("%DECK%", json(deck));
    }

    private static String json(Deck deck) {
        List<Map<String, Object>> slides = new ArrayList<>();
        for (Deck.Slide s : deck.slides()) {
            List<Map<String, String>> lines = new ArrayList<>();
            s.lines().forEach(l -> lines.add(Map.of("role", l.role().name().toLowerCase(Locale.ROOT),
                    "text", l.text())));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caption", s.caption());
            m.put("title", s.title());
            m.put("lines", lines);
            slides.add(m);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", deck.name());
        d.put("wpm", deck.wordsPerMinute());
        d.put("slides", slides);
        try {
            // Inside <script>: never let the text close the element or break a JS line.
            return JSON.writeValueAsString(d).replace("</", "<\\/").replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%TITLE%</title>
            <style>
            body { margin: 0; background: #14171d; color: #e4e7ee; font-family: "DejaVu Sans", "Segoe UI", sans-serif; }
            main { max-width: 1200px; margin: 0 auto; padding: 36px 56px 80px; }
            #caption { color: #8f98ff; font-size: 30px; font-weight: bold; }
            #title { color: #9aa3b5; font-size: 20px; margin: 6px 0 24px; }
            .row { display: flex; margin: 0 0 18px; }
            .row.user { justify-content: flex-end; }
            .bubble { max-width: 85%; padding: 16px 22px 18px; border-radius: 16px; border: 1px solid #2f3543; }
            .user .bubble { background: #222b45; border-color: #34406a; }
            .assistant .bubble { background: #1c2029; }
            .role { display: inline-block; font-size: 15px; font-weight: bold; padding: 2px 10px; border-radius: 10px;
                    color: #0f1116; margin-bottom: 8px; }
            .user .role { background: #8fa6ff; } .assistant .role { background: #3ccf97; }
            .text { font-size: 28px; white-space: pre-wrap; overflow-wrap: anywhere; }
            footer { position: fixed; bottom: 0; left: 0; right: 0; padding: 10px 56px; color: #9aa3b5;
                     background: #14171d; font-size: 15px; }
            </style></head>
            <body data-slide="0" data-shown="0" data-state="typing">
            <main><div id="caption"></div><div id="title"></div><div id="turns"></div></main>
            <footer id="footer"></footer>
            <script type="application/json" id="deck">%DECK%</script>
            <script>
            (function () {
              var deck = JSON.parse(document.getElementById('deck').textContent);
              var slide = 0, shown = 0, since = 0, done = true, built = -1;
              function now() { return Date.now(); }
              function words(t) { var m = t.match(/\\S+/g); return m ? m.length : 0; }
              function duration(t) { return Math.ceil(words(t) * 60000 / deck.wpm); }
              function visible(t, ms) {
                var n = ms <= 0 ? 0 : Math.floor(ms * deck.wpm / 60000);
                if (n <= 0) return '';
                var re = /\\S+/g, m, count = 0;
                while ((m = re.exec(t)) !== null) {
                  if (count === n) return t.substring(0, m.index).replace(/\\s+$/, '');
                  count++;
                }
                return t;
              }
              function lines() { return deck.slides.length ? deck.slides[slide].lines.length : 0; }
              function enter(i) { slide = i; shown = lines() > 0 ? 1 : 0; since = now(); done = shown === 0; }
              function typed() {
                if (done || shown === 0) return true;
                return now() - since >= duration(deck.slides[slide].lines[shown - 1].text);
              }
              function advance() {
                if (!typed()) { done = true; }
                else if (shown < lines()) { shown++; since = now(); done = false; }
                else if (slide + 1 < deck.slides.length) { enter(slide + 1); }
                render();
              }
              function back() {
                if (shown > 1) shown--; else if (slide > 0) { slide--; shown = lines(); }
                done = true; render();
              }
              function atEnd() { return !deck.slides.length || slide === deck.slides.length - 1 && shown === lines() && typed(); }
              function render() {
                if (!deck.slides.length) { document.getElementById('caption').textContent = 'This playlist has no conversations'; return; }
                var s = deck.slides[slide], box = document.getElementById('turns');
                if (built !== slide) {
                  built = slide; box.innerHTML = '';
                  document.getElementById('caption').textContent = s.caption;
                  document.getElementById('title').textContent = s.title;
                }
                while (box.children.length > shown) box.removeChild(box.lastChild);
                while (box.children.length < shown) {
                  var line = s.lines[box.children.length], row = document.createElement('div');
                  row.className = 'row ' + line.role;
                  row.innerHTML = '<div class="bubble"><div class="role"></div><div class="text"></div></div>';
                  row.querySelector('.role').textContent = line.role.toUpperCase();
                  box.appendChild(row);
                }
                for (var i = 0; i < shown; i++) {
                  var full = s.lines[i].text;
                  var t = (i < shown - 1 || done) ? full : visible(full, now() - since);
                  var el = box.children[i].querySelector('.text');
                  if (el.textContent !== t) { el.textContent = t; window.scrollTo(0, document.body.scrollHeight); }
                }
                var end = atEnd();
                document.body.setAttribute('data-slide', String(slide));
                document.body.setAttribute('data-shown', String(shown));
                document.body.setAttribute('data-state', end ? 'end' : typed() ? 'typed' : 'typing');
                document.getElementById('footer').textContent = (slide + 1) + ' / ' + deck.slides.length + '  ·  '
                    + deck.name + '  ·  ' + deck.wpm + ' wpm  ·  → next  ← back' + (end ? '  ·  the end' : '');
              }
              document.addEventListener('keydown', function (e) {
                if (['ArrowRight', 'PageDown', ' ', 'Enter', 'ArrowDown'].indexOf(e.key) >= 0) { advance(); e.preventDefault(); }
                else if (['ArrowLeft', 'PageUp', 'ArrowUp'].indexOf(e.key) >= 0) { back(); e.preventDefault(); }
              });
              document.addEventListener('click', advance);
              var auto = location.hash === '#autoplay', typedAt = -1;
              function tick() {
                render();
                if (auto && !atEnd()) {
                  if (typed()) {
                    if (typedAt < 0) typedAt = now();
                    if (now() - typedAt >= 800) { typedAt = -1; advance(); }
                  } else { typedAt = -1; }
                }
                setTimeout(tick, 30);
              }
              enter(0);
              tick();
            })();
            </script></body></html>
            """;
}
