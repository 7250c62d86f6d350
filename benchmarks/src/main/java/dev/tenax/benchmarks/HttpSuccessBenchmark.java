package dev.tenax.benchmarks;

import dev.tenax.Tenax;
import dev.tenax.benchmarks.http.ClientVariants;
import dev.tenax.benchmarks.http.LoadClient;
import dev.tenax.benchmarks.http.LoadServer;
import dev.tenax.benchmarks.http.RetrySetup;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P2: the HTTP success path, {@code GET} of a 2-byte body from a loopback server that always answers
 * {@code 200}, through each client variant; {@link BenchMain} prints each row's throughput as a ratio of its
 * client's bare row.
 *
 * <p>Every variant starts from the same client shape (see {@code OkHttpShape}); the only difference between two
 * rows of one client is the retry layer. The server runs in the benchmark's JVM (one handler thread), so the
 * absolute numbers include the server's work; the ratio is what this benchmark is for.
 *
 * <p>Apache and JDK rows use their blocking API ({@code execute}, {@code send}); each client's ratio is to its
 * own bare row ({@code okhttp-bare}, {@code apache-bare}, {@code jdk-bare}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
@Threads(1)
@State(Scope.Benchmark)
@SuppressWarnings("NullAway.Init") // JMH calls @Setup before any benchmark method
public class HttpSuccessBenchmark {

    @Param({
        ClientVariants.OKHTTP_BARE,
        ClientVariants.OKHTTP_TENAX_INTERCEPTOR,
        ClientVariants.OKHTTP_TENAX_CALL_FACTORY,
        ClientVariants.OKHTTP_TENAX_CORE,
        ClientVariants.OKHTTP_FAILSAFE,
        ClientVariants.OKHTTP_RESILIENCE4J,
        ClientVariants.APACHE_BARE,
        ClientVariants.APACHE_DEFAULT_RETRY,
        ClientVariants.APACHE_TENAX_CLASSIC,
        ClientVariants.JDK_BARE,
        ClientVariants.JDK_TENAX,
    })
    public String variant;

    LoadServer server;
    LoadClient client;
    URI uri;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Tenax.setListeners(List.of()); // nothing fails here; no listener should matter, none is registered
        server = LoadServer.start(LoadServer.Behaviour.ok(), 1);
        uri = server.uri("/p2");
        client = ClientVariants.byName(variant).open().apply(RetrySetup.defaults());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
        Tenax.setListeners(null);
    }

    @Benchmark
    public int get() throws IOException, InterruptedException {
        int status = client.send(uri, null);
        if (status != 200) {
            throw new IllegalStateException(variant + ": status " + status);
        }
        return status;
    }
}
