package org.userlm.workbench.inference.openai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.InferenceException;

/**
 * Sends one request and opens its response body under an idle watchdog, with cancellation wired to abort the
 * exchange at once. Thread-safe; each {@link Response} belongs to the thread that opened it.
 */
final class Transport {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final String baseUrl;
    private final int timeoutSeconds;

    Transport(HttpClient http, String baseUrl, int timeoutSeconds) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Sends the request and waits for the response headers.
     *
     * @return the open response, or null when cancelled (or interrupted) before the headers arrived
     * @throws InferenceException when the server cannot be reached or does not answer in time
     */
    Response open(HttpRequest request, CancellationToken cancel) throws InferenceException {
        CompletableFuture<HttpResponse<InputStream>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        Runnable removeHook = cancel.onCancel(() -> future.cancel(true));
        try {
            return new Response(future.get(), cancel);
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (cancel.isCancelled()) {
                return null;
            }
            throw HttpErrors.transport(e.getCause(), baseUrl, timeoutSeconds);
        } finally {
            removeHook.run();
        }
    }

    /** The idle timeout in seconds. */
    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** An open response body: closed by cancellation, by the idle watchdog, or by {@link #close()}. */
    final class Response implements AutoCloseable {
        private final HttpResponse<InputStream> response;
        private final InputStream body;
        private final IdleWatchdog watchdog;
        private final Runnable removeHook;

        private Response(HttpResponse<InputStream> response, CancellationToken cancel) {
            this.response = response;
            InputStream raw = response.body();
            this.watchdog = new IdleWatchdog(Duration.ofSeconds(timeoutSeconds), () -> closeQuietly(raw));
            this.body = new FilterInputStream(raw) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    watchdog.touch();
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    watchdog.touch();
                    return n;
                }
            };
            this.removeHook = cancel.onCancel(() -> closeQuietly(raw));
        }

        int status() {
            return response.statusCode();
        }

        String url() {
            return response.uri().toString();
        }

        /** The body; reads unblock with an end or an IOException when the response is closed. */
        InputStream body() {
            return body;
        }

        /** Whether the watchdog closed the stream because no bytes came for the timeout. */
        boolean idleTimedOut() {
            return watchdog.fired();
        }

        /** The body as text, for error replies (at most 64 KiB); empty when it cannot be read. */
        String errorBody() {
            try {
                return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** The whole body as text. */
        String readAll() throws IOException {
            return readAll(64 << 20);
        }

        /** The whole body as text, refusing bodies over {@code maxBytes}. */
        String readAll(int maxBytes) throws IOException {
            byte[] b = body.readNBytes(maxBytes);
            if (body.read() >= 0) {
                throw new IOException("the reply is larger than the client-side limit of " + (maxBytes >> 20) + " MB");
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            removeHook.run();
            watchdog.close();
            closeQuietly(response.body());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only aborts the exchange; nothing else to do
        }
    }
}
