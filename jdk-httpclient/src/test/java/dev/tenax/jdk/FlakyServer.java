package dev.tenax.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server for load tests, run in a process of its own (so that its sockets and threads are not the client's):
 * each path is answered {@code 503} twice, then {@code 200}. Prints its port, then serves until its input ends,
 * printing the number of requests it answered.
 */
final class FlakyServer {
    static final int FAILURES_PER_PATH = 2;

    private FlakyServer() {}

    public static void main(String[] args) throws IOException {
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        AtomicLong answered = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            int hit = hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                    .incrementAndGet();
            answered.incrementAndGet();
            answer(exchange, hit <= FAILURES_PER_PATH ? 503 : 200, hit <= FAILURES_PER_PATH ? "busy" : "ok");
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes our input
        }
        System.out.println(answered.get());
        System.out.flush();
        server.stop(0);
        System.exit(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (InputStream in = exchange.getRequestBody();
                OutputStream out = exchange.getResponseBody()) {
            in.transferTo(OutputStream.nullOutputStream());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        }
    }
}
