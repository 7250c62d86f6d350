package dev.tenax.benchmarks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP/1.1 server on {@code 127.0.0.1} (the JDK's {@code com.sun.net.httpserver}) whose answers follow a
 * {@link Behaviour}, and which counts every request it sees: the "server-seen attempts" of the load harnesses.
 *
 * <p>{@code sun.net.httpserver.nodelay} is set to {@code true} before the JDK server is first loaded: without
 * {@code TCP_NODELAY} each exchange stalls about 40 ms on the client's delayed ACK.
 */
public final class LoadServer implements AutoCloseable {
    static {
        // read once, by sun.net.httpserver.ServerConfig's static initialiser: must precede HttpServer.create
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The request header that names a logical call, for {@link Behaviour#failFirst}. */
    public static final String CALL_ID = "X-Call-Id";

    private static final byte[] OK_BODY = "ok".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Behaviour behaviour;
    private final AtomicLong requests = new AtomicLong();

    private LoadServer(HttpServer server, ExecutorService executor, Behaviour behaviour) {
        this.server = server;
        this.executor = executor;
        this.behaviour = behaviour;
    }

    /**
     * Starts a server on an ephemeral port of {@code 127.0.0.1}.
     *
     * @param behaviour what each request is answered
     * @param threads the handler threads
     * @return the started server
     * @throws IOException if the port cannot be bound
     */
    public static LoadServer start(Behaviour behaviour, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LoadServer load = new LoadServer(server, executor, behaviour);
        server.createContext("/", load::handle);
        server.setExecutor(executor);
        server.start();
        return load;
    }

    /** The URI of {@code path} on this server. */
    public URI uri(String path) {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://127.0.0.1:" + address.getPort() + path);
    }

    /** Requests seen so far (every attempt counts). */
    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            long index = requests.getAndIncrement();
            int status = behaviour.status(index, exchange.getRequestHeaders().getFirst(CALL_ID));
            if (status == 200) {
                exchange.sendResponseHeaders(200, OK_BODY.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(OK_BODY);
                }
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the server answers; thread-safe. */
    @FunctionalInterface
    public interface Behaviour {
        /**
         * The status of one request: {@code 200} has the body {@code ok}, any other status an empty body.
         *
         * @param index the request's index, from 0, in the order the server saw them
         * @param callId the request's {@link #CALL_ID} header, if any
         * @return the status to answer
         */
        int status(long index, @Nullable String callId);

        /** Always {@code 200 ok}. */
        static Behaviour ok() {
            return (index, callId) -> 200;
        }

        /** Always {@code status} (a full outage). */
        static Behaviour always(int status) {
            return (index, callId) -> status;
        }

        /**
         * {@code status} for a fixed pseudo-random share of requests (by request index: the same sequence on every
         * run), {@code 200} for the others.
         */
        static Behaviour failShare(double share, int status) {
            return (index, callId) -> unit(index) < share ? status : 200;
        }

        /** {@code status} for the first {@code failures} requests of each call id, then {@code 200}. */
        static Behaviour failFirst(int failures, int status) {
            ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();
            return (index, callId) -> {
                if (callId == null) {
                    return 200;
                }
                int attempt =
                        seen.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet();
                return attempt <= failures ? status : 200;
            };
        }

        /** A uniform number in [0, 1) from {@code index} (SplitMix64's finaliser). */
        private static double unit(long index) {
            long z = (index + 0x5DEECE66DL) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }
}
