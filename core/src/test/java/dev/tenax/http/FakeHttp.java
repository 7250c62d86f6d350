package dev.tenax.http;

import dev.tenax.http.spi.HttpRequestInfo;
import dev.tenax.http.spi.ResponseAccess;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** An in-memory client for driving the HTTP engine: scripted outcomes, recorded attempts and releases. */
final class FakeHttp {
    /** A response with a status, headers, and whether the engine released it. */
    static final class Response {
        final int status;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        boolean released;

        Response(int status, String... headerPairs) {
            this.status = status;
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
        }

        @Override
        public String toString() {
            return "Response[" + status + "]";
        }
    }

    record Request(String method, URI uri, Map<String, String> headers, boolean bodyReplayable)
            implements HttpRequestInfo {
        static Request of(String method, String uri, String... headerPairs) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Request(method.toUpperCase(Locale.ROOT), URI.create(uri), headers, true);
        }

        Request withBodyReplayable(boolean replayable) {
            return new Request(method, uri, headers, replayable);
        }

        @Override
        public @Nullable String header(String name) {
            return headers.get(name);
        }
    }

    static final ResponseAccess<Response> ACCESS = new ResponseAccess<>() {
        @Override
        public int status(Response response) {
            return response.status;
        }

        @Override
        public @Nullable String header(Response response, String name) {
            return response.headers.get(name);
        }

        @Override
        public void release(Response response) {
            response.released = true;
        }
    };

    private final Deque<Object> script = new ArrayDeque<>();
    final List<Object> sent = new ArrayList<>();

    /** Queues outcomes: {@link Response}s or {@link IOException}s; the last one repeats forever. */
    FakeHttp then(Object... outcomes) {
        for (Object outcome : outcomes) {
            script.add(outcome);
        }
        return this;
    }

    Response send() throws IOException {
        Object next = script.size() > 1 ? script.poll() : script.peek();
        if (next == null) {
            throw new IllegalStateException("nothing scripted");
        }
        if (next instanceof Response r) {
            Response copy = new Response(r.status);
            copy.headers.putAll(r.headers);
            sent.add(copy);
            return copy;
        }
        sent.add(next);
        throw (IOException) next;
    }

    int attempts() {
        return sent.size();
    }
}
