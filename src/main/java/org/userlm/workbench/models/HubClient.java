package org.userlm.workbench.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small Hugging Face Hub client: the model listing ({@code GET {endpoint}/api/models/{repo}/revision/{rev}})
 * and file bodies ({@code GET {endpoint}/{repo}/resolve/{rev}/{file}}, with {@code Range} to resume). Redirects
 * are followed by hand so that the token is only ever sent to the endpoint's own host, and the {@code Range}
 * header survives the hop to the CDN. The token is never logged nor put in a message.
 */
public final class HubClient {
    /** The public Hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final int MAX_REDIRECTS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String token;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /** A client for {@code endpoint} (a base URL such as {@code http://127.0.0.1:PORT}); token may be null. */
    public HubClient(String endpoint, String token, int connectTimeoutMillis, int readTimeoutMillis) {
        String e = endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint.strip();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        URI u = URI.create(e);
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("HF_ENDPOINT must be an http(s) base URL, got " + endpoint);
        }
        if (u.getUserInfo() != null) {
            throw new IllegalArgumentException("HF_ENDPOINT must not contain credentials; use HF_TOKEN");
        }
        this.endpoint = u;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** {@code HF_ENDPOINT} and the token of {@link HubToken#find()}, 20 s connect and 60 s read timeouts. */
    public static HubClient fromEnvironment() {
        return new HubClient(HubToken.setting("HF_ENDPOINT"), HubToken.find(), 20_000, 60_000);
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** True when a token will be sent. */
    public boolean hasToken() {
        return token != null;
    }

    /** The repository's page, for messages. */
    public String pageOf(String repo) {
        return endpoint + "/" + repo;
    }

    /** Lists a repository's files at a revision. */
    public HubListing listing(String repo, String revision) throws HubException {
        URI u = URI.create(endpoint + "/api/models/" + repo + "/revision/" + segment(revision) + "?blobs=true");
        try (Body b = get(u, -1, repo, revision, null)) {
            JsonNode root = JSON.readTree(b.in());
            JsonNode siblings = root.path("siblings");
            if (!siblings.isArray()) {
                throw new HubException(HubException.Kind.PROTOCOL, u + " did not answer a model listing (no siblings)");
            }
            List<HubFile> files = new ArrayList<>();
            for (JsonNode s : siblings) {
                String name = s.path("rfilename").asText(null);
                if (name == null) {
                    continue;
                }
                JsonNode lfs = s.path("lfs");
                long size = s.has("size") ? s.get("size").asLong() : lfs.path("size").asLong(-1);
                String sha = lfs.hasNonNull("sha256") ? lfs.get("sha256").asText() : null;
                files.add(new HubFile(name, size, sha));
            }
            return new HubListing(repo, revision, root.path("sha").asText(null), files);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.NETWORK, "cannot read the listing of " + repo + " from "
                    + endpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a file body from {@code offset} (0: whole file). Status 206 means the body starts at {@code offset};
     * 200 means the server ignored the range and sends everything; 416 means there is nothing after offset.
     */
    public Body open(String repo, String revision, String path, long offset) throws HubException {
        StringBuilder p = new StringBuilder();
        for (String part : path.split("/")) {
            p.append('/').append(segment(part));
        }
        URI u = URI.create(endpoint + "/" + repo + "/resolve/" + segment(revision) + p);
        return get(u, offset, repo, revision, path);
    }

    private Body get(URI first, long offset, String repo, String revision, String file) throws HubException {
        URI u = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection c;
            int status;
            try {
                c = (HttpURLConnection) u.toURL().openConnection();
                c.setInstanceFollowRedirects(false);
                c.setConnectTimeout(connectTimeoutMillis);
                c.setReadTimeout(readTimeoutMillis);
                c.setRequestProperty("User-Agent", "userlm-workbench/0.1");
                c.setRequestProperty("Accept-Encoding", "identity");
                if (token != null && sameOrigin(u)) {
                    c.setRequestProperty("Authorization", "Bearer " + token);
                }
                if (offset > 0) {
                    c.setRequestProperty("Range", "bytes=" + offset + "-");
                }
                status = c.getResponseCode();
            } catch (IOException e) {
                throw new HubException(HubException.Kind.NETWORK, "cannot reach " + u.getHost() + ":"
                        + port(u) + " (" + e.getMessage() + "); check HF_ENDPOINT and the network", e);
            }
            if (status >= 300 && status < 400 && c.getHeaderField("Location") != null) {
                u = u.resolve(c.getHeaderField("Location"));
                c.disconnect();
                continue;
            }
            String what = file == null ? repo + " at revision " + revision : file + " of " + repo + " at " + revision;
            if (status == 401 || status == 403) {
                c.disconnect();
                throw new HubException(HubException.Kind.GATED, what + ": the Hub answered HTTP " + status
                        + ". The model is gated or private: open " + pageOf(repo) + " while logged in and accept its"
                        + " licence, then set HF_TOKEN to a read token of that account"
                        + (token != null ? " (a token was sent: it lacks access, or the licence request is still"
                        + " pending)" : " (no token was sent)") + ".");
            }
            if (status == 404) {
                c.disconnect();
                throw new HubException(HubException.Kind.NOT_FOUND, "no " + what + " on " + endpoint
                        + " (HTTP 404)");
            }
            if (status == 416 || status == 200 || status == 206) {
                try {
                    InputStream in = status == 416 ? InputStream.nullInputStream() : c.getInputStream();
                    long start = status == 206 ? rangeStart(c.getHeaderField("Content-Range"), offset) : 0;
                    return new Body(in, status, start, c.getContentLengthLong(), c);
                } catch (IOException e) {
                    c.disconnect();
                    throw new HubException(HubException.Kind.NETWORK, "reading " + what + ": " + e.getMessage(), e);
                }
            }
            c.disconnect();
            throw new HubException(HubException.Kind.PROTOCOL, what + ": unexpected HTTP " + status);
        }
        throw new HubException(HubException.Kind.PROTOCOL, "more than " + MAX_REDIRECTS + " redirects from " + first);
    }

    private boolean sameOrigin(URI u) {
        return Objects.equals(u.getHost(), endpoint.getHost()) && port(u) == port(endpoint)
                && Objects.equals(u.getScheme(), endpoint.getScheme());
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static long rangeStart(String contentRange, long asked) {
        // "bytes 100-199/200"
        if (contentRange == null || !contentRange.startsWith("bytes ")) {
            return asked;
        }
        try {
            return Long.parseLong(contentRange.substring(6, contentRange.indexOf('-')).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * An open response body.
     *
     * @param in     the bytes
     * @param status 200, 206 or 416
     * @param start  offset of the first byte in the file (-1 when the server's Content-Range is unreadable)
     * @param length Content-Length, or -1
     * @param conn   the connection (closed with the body)
     */
    public record Body(InputStream in, int status, long start, long length, HttpURLConnection conn)
            implements Closeable {
        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing a broken stream
            }
            conn.disconnect();
        }
    }
}
