package org.userlm.workbench.storage.sqlite;

import java.util.ArrayList;
import java.util.List;

/** Turns what a researcher types into a safe FTS5 query: every word quoted, prefix match on the last one. */
final class FtsQuery {
    private FtsQuery() {
    }

    static String of(String typed) {
        List<String> terms = new ArrayList<>();
        for (String w : typed.trim().split("\\s+")) {
            String clean = w.replace("\"", "");
            if (!clean.isEmpty()) {
                terms.add("\"" + clean + "\"");
            }
        }
        if (terms.isEmpty()) {
            return "\"\"";
        }
        int last = terms.size() - 1;
        terms.set(last, terms.get(last) + "*");
        return String.join(" ", terms);
    }
}
