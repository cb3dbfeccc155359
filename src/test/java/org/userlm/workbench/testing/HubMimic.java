package org.userlm.workbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A loopback server that behaves like the Hugging Face Hub for the downloader: the model listing
 * ({@code /api/models/{repo}/revision/{rev}} with {@code siblings}, {@code size}, {@code lfs.sha256}), and
 * {@code /{repo}/resolve/{rev}/{file}} answered by a redirect chain (relative 302, then an absolute 307 to another
 * host name, like the Hub's CDN) to a file server that honours {@code Range}. Gated repositories answer 401 without
 * the right bearer token. Faults: cut the connection mid-file, flip a byte, throttle.
 */
public final class HubMimic implements AutoCloseable {
    public static final String TOKEN = "hf_test_secret_token";

    public record Request(String path, String range, boolean authorized) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, Map<String, byte[]>> repos = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gated = new ConcurrentHashMap<>();
    private final Map<String, Long> cutAfter = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> corruptTimes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile long bytesPerSecond = -1;

    private HubMimic() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public static HubMimic start() throws IOException {
        return new HubMimic();
    }

    /** The endpoint ({@code HF_ENDPOINT}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves every file of {@code dir} (recursively) as {@code repo}. */
    public HubMimic repo(String repo, Path dir, boolean isGated) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        repos.put(repo, files);
        gated.put(repo, isGated);
        return this;
    }

    /** Adds or replaces one file of a repo. */
    public HubMimic file(String repo, String path, byte[] bytes) {
        repos.get(repo).put(path, bytes);
        return this;
    }

    /** The next body of {@code path} stops after {@code bytes} bytes and the connection is closed. */
    public HubMimic cutOnce(String path, long bytes) {
        cutAfter.put(path, bytes);
        return this;
    }

    /** The next {@code times} bodies of {@code path} have one byte flipped. */
    public HubMimic corrupt(String path, int times) {
        corruptTimes.put(path, new AtomicInteger(times));
        return this;
    }

    /** Slows every file body to about this many bytes per second (-1: full speed). */
    public HubMimic throttle(long bps) {
        bytesPerSecond = bps;
        return this;
    }

    public List<Request> requests() {
        return requests;
    }

    public List<Request> cdnRequests(String path) {
        return requests.stream().filter(r -> r.path().startsWith("/cdn/") && r.path().endsWith("/" + path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean authorized = ("Bearer " + TOKEN).equals(auth);
            requests.add(new Request(path, ex.getRequestHeaders().getFirst("Range"), authorized));
            if (path.startsWith("/api/models/")) {
                listing(ex, path.substring("/api/models/".length()), authorized);
            } else if (path.contains("/resolve/")) {
                resolve(ex, path, authorized);
            } else if (path.startsWith("/hop/")) {
                int port = server.getAddress().getPort();
                redirect(ex, 307, "http://localhost:" + port + "/cdn/" + path.substring("/hop/".length()));
            } else if (path.startsWith("/cdn/")) {
                serve(ex, path.substring("/cdn/".length()));
            } else {
                send(ex, 404, "not found");
            }
        }
    }

    private void listing(HttpExchange ex, String rest, boolean authorized) throws IOException {
        int i = rest.indexOf("/revision/");
        String repo = i < 0 ? rest : rest.substring(0, i);
        Map<String, byte[]> files = repos.get(repo);
        if (files == null) {
            send(ex, 404, "{\"error\":\"Repository not found\"}");
            return;
        }
        if (gated.get(repo) && !authorized) {
            send(ex, 401, "{\"error\":\"Access to model " + repo + " is restricted.\"}");
            return;
        }
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode().put("id", repo).put("sha", "0123456789abcdef0123456789abcdef01234567");
        ArrayNode sib = root.putArray("siblings");
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            ObjectNode s = sib.addObject().put("rfilename", e.getKey()).put("size", e.getValue().length);
            if (lfs(e.getKey())) {
                s.putObject("lfs").put("sha256", sha256(e.getValue())).put("size", e.getValue().length)
                        .put("pointerSize", 134);
            }
        }
        send(ex, 200, root.toString());
    }

    private void resolve(HttpExchange ex, String path, boolean authorized) throws IOException {
        // /{owner}/{name}/resolve/{rev}/{file...}
        String[] parts = path.substring(1).split("/", 5);
        String repo = parts[0] + "/" + parts[1];
        if (parts.length < 5 || !repos.containsKey(repo)) {
            send(ex, 404, "Repository not found");
            return;
        }
        if (gated.get(repo) && !authorized) {
            send(ex, 401, "Access to model " + repo + " is restricted.");
            return;
        }
        redirect(ex, 302, "/hop/" + repo + "/" + parts[4]);
    }

    private void serve(HttpExchange ex, String rest) throws IOException {
        String[] parts = rest.split("/", 3);
        String file = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        byte[] all = repos.get(parts[0] + "/" + parts[1]).get(file);
        if (all == null) {
            send(ex, 404, "Entry not found");
            return;
        }
        byte[] body = all.clone();
        AtomicInteger c = corruptTimes.get(file);
        if (c != null && c.getAndDecrement() > 0) {
            body[body.length / 2] ^= 0x5a;
        }
        long start = 0;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null && range.startsWith("bytes=")) {
            start = Long.parseLong(range.substring(6, range.indexOf('-')));
            if (start >= body.length) {
                ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/"
                    + body.length);
        }
        int len = (int) (body.length - start);
        ex.sendResponseHeaders(range != null ? 206 : 200, len);
        Long cut = cutAfter.remove(file);
        OutputStream os = ex.getResponseBody();
        int off = (int) start;
        int limit = cut == null ? len : (int) Math.min(len, cut);
        int sent = 0;
        while (sent < limit) {
            int n = Math.min(limit - sent, 8192);
            os.write(body, off + sent, n);
            sent += n;
            if (bytesPerSecond > 0) {
                os.flush();
                sleep(n * 1000L / bytesPerSecond);
            }
        }
        os.flush();
        if (cut != null) {
            // Content-Length promised more: closing now cuts the connection mid-file.
            try {
                os.close();
            } catch (IOException expected) {
                // "insufficient bytes written to stream": the server drops the connection
            }
        }
    }

    private static boolean lfs(String name) {
        return name.endsWith(".safetensors") || name.equals("tokenizer.json");
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
