package org.userlm.workbench.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.net.UnknownHostException;
import org.userlm.workbench.inference.ContextFullException;
import org.userlm.workbench.inference.InferenceException;

/** Short, user-facing messages for transport and HTTP failures. Stateless. */
final class HttpErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpErrors() {
    }

    /** An exception for a failure before the response headers arrived. */
    static InferenceException transport(Throwable e, String baseUrl, int timeoutSeconds) {
        String msg;
        if (e instanceof HttpConnectTimeoutException) {
            msg = "cannot reach " + baseUrl + ": connect timed out after " + timeoutSeconds + " s — is the server running?";
        } else if (e instanceof HttpTimeoutException) {
            msg = "no data from server for " + timeoutSeconds + " s (" + baseUrl + ")";
        } else if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            msg = "cannot reach " + baseUrl + ": unknown host";
        } else if (e instanceof ConnectException || hasCause(e, ConnectException.class)) {
            msg = "cannot reach " + baseUrl + ": connection refused — is the server running?";
        } else {
            msg = "cannot reach " + baseUrl + ": " + describe(e);
        }
        return new InferenceException(msg, "", e);
    }

    /** An exception for an HTTP status of 400 or more, with the server's own message when it sent one. */
    static InferenceException status(int status, String url, String body, String apiKeyEnv) {
        String server = messageFromBody(body);
        StringBuilder msg = new StringBuilder("HTTP ").append(status).append(" from ").append(url);
        if (!server.isEmpty()) {
            msg.append(": ").append(server);
        }
        if ((status == 401 || status == 403) && apiKeyEnv != null && !apiKeyEnv.isBlank()) {
            msg.append(" (check the API key in $").append(apiKeyEnv).append(')');
        } else if (status == 401 || status == 403) {
            msg.append(" (no API key variable is configured)");
        }
        ContextFullException full = status == 400 || status == 413 ? ContextFullException.fromServerMessage(server)
                : null;
        if (full != null) {
            return new ContextFullException(msg.toString(), full.tokens(), full.limit(), "");
        }
        return new InferenceException(msg.toString(), "", null);
    }

    /** The message of an OpenAI ({@code {"error": {"message"}}}), vLLM or FastAPI error object. */
    static String messageOf(JsonNode node) {
        JsonNode error = node.get("error");
        if (error != null && error.isObject() && error.path("message").isTextual()) {
            return error.get("message").asText();
        }
        if (error != null && error.isTextual()) {
            return error.asText();
        }
        if (node.path("message").isTextual()) {
            return node.get("message").asText();
        }
        JsonNode detail = node.get("detail");
        if (detail != null && !detail.isNull()) {
            return detail.isTextual() ? detail.asText() : detail.toString();
        }
        return error != null ? error.toString() : node.toString();
    }

    private static String messageFromBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return shorten(messageOf(node));
            }
        } catch (IOException notJson) {
            // plain-text error page: show its start
        }
        return shorten(body.strip());
    }

    /** The exception's message, or its class name when it has none. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
