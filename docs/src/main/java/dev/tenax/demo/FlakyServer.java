package dev.tenax.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A paginated JSON API on 127.0.0.1 that fails at random: {@code GET /items?page=N} answers
 * {@code {"page":N,"next":N+1,"items":[...]}} ({@code "next":null} on the last page), unless the request's
 * {@link Fault} says otherwise. Faults come from a seeded {@link FaultPlan}, so for the same sequence of requests
 * the server fails the same way every time. It records every fault it applied.
 *
 * <p>Thread-safe. Close it to stop the server.
 */
final class FlakyServer implements AutoCloseable {
    static final int ITEMS_PER_PAGE = 5;

    private static final Pattern PAGE_QUERY = Pattern.compile("(?:^|&)page=(\\d{1,9})(?:&|$)");

    private final int pages;
    private final FaultPlan plan;
    private final List<Fault> applied = new ArrayList<>();
    private final ExecutorService executor;
    private final HttpServer server;

    private FlakyServer(long seed, int pages) throws IOException {
        this.pages = pages;
        this.plan = new FaultPlan(seed);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "flaky-server");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/items", this::handle);
    }

    /**
     * Starts a server on a free port of the loopback interface.
     *
     * @param seed the seed of the fault plan
     * @param pages how many pages the API has, {@code >= 1}
     * @return the running server
     * @throws IOException if it cannot bind
     */
    static FlakyServer start(long seed, int pages) throws IOException {
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be >= 1 (was " + pages + ")");
        }
        // without TCP_NODELAY each small answer waits ~40 ms for a delayed ACK; read once, when the first server starts
        System.setProperty("sun.net.httpserver.nodelay", "true");
        FlakyServer flaky = new FlakyServer(seed, pages);
        flaky.server.start();
        return flaky;
    }

    /** The URI of page 1. */
    URI firstPage() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/items?page=1");
    }

    /** How many requests the server has seen. */
    synchronized int attempts() {
        return applied.size();
    }

    /** The fault applied to each request so far, in the order the requests arrived. */
    synchronized List<Fault> faults() {
        return List.copyOf(applied);
    }

    /**
     * The JSON body of a page, exactly as the server sends it.
     *
     * @param page the page number, from 1
     * @param pages the number of pages
     * @return the body
     */
    static String body(int page, int pages) {
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int i = 1; i <= ITEMS_PER_PAGE; i++) {
            int id = (page - 1) * ITEMS_PER_PAGE + i;
            items.add(String.format(Locale.ROOT, "{\"id\":%d,\"name\":\"item-%04d\"}", id, id));
        }
        String next = page < pages ? Integer.toString(page + 1) : "null";
        return "{\"page\":" + page + ",\"next\":" + next + ",\"items\":" + items + "}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Fault fault = nextFault();
            if (fault == Fault.DROP) {
                // closing an exchange before its headers were sent closes the connection: no response at all
                return;
            }
            if (fault != Fault.NONE) {
                String hint = fault.retryAfter();
                if (hint != null) {
                    exchange.getResponseHeaders().set("Retry-After", hint);
                }
                send(exchange, fault.status(), "{\"error\":" + fault.status() + "}");
                return;
            }
            int page = requestedPage(exchange.getRequestURI());
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":405}");
            } else if (page < 1 || page > pages) {
                send(exchange, 404, "{\"error\":404}");
            } else {
                send(exchange, 200, body(page, pages));
            }
        }
    }

    private synchronized Fault nextFault() {
        Fault fault = plan.next();
        applied.add(fault);
        return fault;
    }

    private static int requestedPage(URI uri) {
        @Nullable String query = uri.getRawQuery();
        if (query == null) {
            return 0;
        }
        Matcher matcher = PAGE_QUERY.matcher(query);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}
