package dev.tenax.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 6: 10,000 concurrent {@code sendAsync} calls, each answered 503 twice before 200, with small real waits.
 * The server runs in a process of its own, so the client's threads and sockets are all this JVM has. The threads
 * allowed to appear: Tenax's scheduler and the JDK's completion pool (the common pool, pinned at 2 by the
 * module's surefire configuration); a thread per wait or per call would show at once.
 */
@ResourceLock("dev.tenax.Tenax")
class TenThousandCallsTest {
    private static final int CALLS = 10_000;
    private static final int EXECUTOR_THREADS = 4;
    /** The JDK client's selector thread and Tenax's scheduler are not counted: both exist before the calls. */
    private static final int ALLOWED_GROWTH = 4;

    @Test
    void tenThousandConcurrentCallsAllSucceedWithoutAThreadPerWait() throws Exception {
        Process server = startServer();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                EXECUTOR_THREADS, EXECUTOR_THREADS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        executor.prestartAllCoreThreads();
        try (BufferedReader serverOut =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(serverOut.readLine().trim());
            HttpRetryPolicy policy = HttpRetryPolicy.builder()
                    .budget(RetryBudget.unlimited())
                    .waitInitial(Duration.ofMillis(1))
                    .waitJitter(Duration.ofMillis(5))
                    .timeout(Duration.ofMinutes(1))
                    .build();
            RetryingHttpClient client = RetryingHttpClient.wrap(
                    HttpClient.newBuilder().executor(executor).build(), policy);
            AtomicInteger handlerCalls = new AtomicInteger();
            AtomicInteger handlerSawFailure = new AtomicInteger();
            BodyHandler<String> callers = info -> {
                handlerCalls.incrementAndGet();
                if (info.statusCode() != 200) {
                    handlerSawFailure.incrementAndGet();
                }
                return BodyHandlers.ofString().apply(info);
            };
            warmUp(client, port);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            long startedBefore = threads.getTotalStartedThreadCount();
            Set<String> existing = threadNames();
            threads.resetPeakThreadCount();
            long start = System.nanoTime();

            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>(CALLS);
            for (int i = 0; i < CALLS; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/call/" + i))
                        .build();
                calls.add(client.sendAsync(request, callers));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int peak = threads.getPeakThreadCount();
            long started = threads.getTotalStartedThreadCount() - startedBefore;
            Set<String> added = threadNames();
            added.removeAll(existing);
            OutputStream serverIn = server.getOutputStream();
            serverIn.close();
            long answered = Long.parseLong(serverOut.readLine().trim());
            System.out.printf(
                    "TenThousandCallsTest: %d calls (%d requests served) in %d ms; threads %d before, peak %d"
                            + " (growth %d, %d threads started, still alive: %s; client executor %d threads); caller's handler applied %d"
                            + " times%n",
                    CALLS,
                    answered,
                    wallMillis,
                    before,
                    peak,
                    peak - before,
                    started,
                    added,
                    EXECUTOR_THREADS,
                    handlerCalls.get());
            assertThat(calls)
                    .allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
            assertThat(calls).allSatisfy(call -> assertThat(call.join().body()).isEqualTo("ok"));
            assertThat(handlerCalls).hasValue(CALLS);
            assertThat(handlerSawFailure).hasValue(0);
            assertThat(answered).isGreaterThanOrEqualTo(3L * CALLS);
            assertThat(peak - before).isLessThanOrEqualTo(ALLOWED_GROWTH);
            // threads of earlier tests' clients may end meanwhile and hide growth: count every thread started too
            assertThat(started).isLessThanOrEqualTo(ALLOWED_GROWTH);
        } finally {
            server.destroy();
            executor.shutdownNow();
        }
    }

    /** Starts the client's selector thread and Tenax's scheduler, which live for the whole client. */
    private static void warmUp(RetryingHttpClient client, int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/warm-up"))
                .build();
        assertThat(client.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        return names;
    }

    private static Process startServer() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Dsun.net.httpserver.nodelay=true",
                        "-Dsun.net.httpserver.maxIdleConnections=" + CALLS,
                        "-cp",
                        System.getProperty("java.class.path"),
                        FlakyServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
