package org.userlm.workbench.simulation.experiment;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Errors of an experiment counted by kind (retried ones included), and retries. Thread-safe. */
public final class ErrorCounts {
    public static final String HTTP_429 = "http_429";
    public static final String HTTP_5XX = "http_5xx";
    public static final String HTTP_4XX = "http_4xx";
    public static final String CONNECTION = "connection";
    public static final String TIMEOUT = "timeout";
    public static final String OTHER = "other";

    private static final Pattern STATUS = Pattern.compile("HTTP (\\d{3})");
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();

    /** The kind of an error message from the OpenAI-compatible client. */
    public static String kindOf(String message) {
        String m = message == null ? "" : message;
        var s = STATUS.matcher(m);
        if (s.find()) {
            int code = Integer.parseInt(s.group(1));
            return code == 429 ? HTTP_429 : code >= 500 ? HTTP_5XX : HTTP_4XX;
        }
        String l = m.toLowerCase(Locale.ROOT);
        if (l.contains("timed out") || l.contains("no data from server")) {
            return TIMEOUT;
        }
        if (l.contains("cannot reach") || l.contains("connection") || l.contains("stream ended")
                || l.contains("closed")) {
            return CONNECTION;
        }
        return OTHER;
    }

    public void count(String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    public void retried() {
        retries.incrementAndGet();
    }

    public long retries() {
        return retries.get();
    }

    /** A sorted snapshot. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
