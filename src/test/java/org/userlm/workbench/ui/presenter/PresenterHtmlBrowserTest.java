package org.userlm.workbench.ui.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Role;

/**
 * The exported playlist plays in a real browser: headless Chromium (Debian package {@code chromium}, installed by
 * {@code .ci/run}) loads the file with a virtual-time budget and prints the DOM it reached. On CI a missing
 * browser fails the test; elsewhere it is skipped.
 */
class PresenterHtmlBrowserTest {
    private static final String LAST = "thanks that settles it";
    @TempDir
    Path dir;

    static Deck deck() {
        return new Deck("Board <demo>", 600, List.of(
                new Deck.Slide("Slide A: vague first turn", "apples", List.of(
                        new Deck.Line(Role.USER, "alpha beta gamma delta epsilon zeta eta theta"),
                        new Deck.Line(Role.ASSISTANT, "one two three </script><b>not bold</b>"))),
                new Deck.Slide("Slide B", "pears", List.of(new Deck.Line(Role.USER, LAST)))));
    }

    private static String chromium() {
        for (String c : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, c))) {
                    return Path.of(dir, c).toString();
                }
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium is not installed (.ci/run installs the Debian package)");
        }
        Assumptions.assumeTrue(false, "chromium not installed");
        return null;
    }

    private String dumpDom(Path html, String fragment, int virtualMs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile-" + virtualMs),
                "--virtual-time-budget=" + virtualMs, "--dump-dom", html.toUri() + fragment));
        Path out = dir.resolve("dom-" + virtualMs + ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(dir.resolve("err-" + virtualMs + ".txt").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile("<body[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "no " + name + " on <body>: " + dom.substring(0, Math.min(400, dom.length())));
        return m.group(1);
    }

    private static String firstTurn(String dom) {
        Matcher m = Pattern.compile("<div class=\"text\">([^<]*)</div>").matcher(dom);
        assertTrue(m.find(), "no turn on screen");
        return m.group(1);
    }

    @Test
    void exportedPlaylistTypesAndPlaysToTheEnd() throws Exception {
        Path html = dir.resolve("presentation.html");
        Files.writeString(html, PresenterHtml.render(deck()), StandardCharsets.UTF_8);
        String page = Files.readString(html);
        assertFalse(page.contains("src=\"http") || page.contains("href=\"http"), "self-contained: no network");

        // 150 ms of virtual time at 600 wpm (one word per 100 ms): the first turn is still being typed.
        String early = dumpDom(html, "", 150);
        assertEquals("typing", attr(early, "data-state"));
        assertEquals("0", attr(early, "data-slide"));
        assertTrue(early.contains("Slide A: vague first turn"), early);
        String typed = firstTurn(early);
        assertTrue(typed.startsWith("alpha") && typed.length() < "alpha beta gamma delta epsilon zeta eta theta"
                .length(), "typed word by word, not shown at once: \"" + typed + "\"");

        // Autoplay with a long budget: every turn typed, both slides shown, it stops at the end.
        String end = dumpDom(html, "#autoplay", 60_000);
        assertEquals("end", attr(end, "data-state"));
        assertEquals("1", attr(end, "data-slide"));
        assertTrue(end.contains(LAST), end);
        assertTrue(end.contains("Slide B"), end);
    }

    @Test
    void textCannotBreakOutOfThePage() {
        String page = PresenterHtml.render(deck());
        assertFalse(page.contains("</script><b>"), "a turn's text never closes the script element");
        assertTrue(page.contains("<title>Board &lt;demo&gt;</title>"));
    }
}
