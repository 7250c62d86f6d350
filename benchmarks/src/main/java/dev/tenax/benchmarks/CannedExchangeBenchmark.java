package dev.tenax.benchmarks;

import dev.tenax.RetryBudget;
import dev.tenax.apache.AsyncRetryExecHandler;
import dev.tenax.apache.RetryExecHandler;
import dev.tenax.benchmarks.canned.CannedApacheAsync;
import dev.tenax.benchmarks.canned.CannedApacheClassic;
import dev.tenax.benchmarks.canned.CannedJdkClient;
import dev.tenax.benchmarks.canned.CannedOkHttp;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.jdk.RetryingHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P2b: what each adapter costs per successful call, in-process, over a canned exchange: no socket, no server, so
 * the adapter's few hundred nanoseconds are not lost in a loopback exchange's ~100 µs (P2's ±45 % error).
 *
 * <ul>
 *   <li>OkHttp: a client whose last application interceptor returns a canned {@code 200}; bare vs
 *       {@code RetryInterceptor.install(...)} vs {@code RetryingCallFactory.create(client, policy)}, with
 *       {@code execute()} and with {@code enqueue()} (the Dispatcher runs calls on the calling thread, so the
 *       callback has run when {@code enqueue()} returns).
 *   <li>Apache classic: {@code RetryExecHandler.execute(request, scope, chain)} over a fake {@code ExecChain}
 *       returning a canned response, vs the fake chain alone. Apache async: {@code AsyncRetryExecHandler} over a
 *       fake {@code AsyncExecChain} that completes the callback at once, vs the fake chain alone.
 *   <li>JDK: {@code RetryingHttpClient.wrap(stub, policy)} over an {@code HttpClient} stub that runs the body
 *       handler on a canned {@code ResponseInfo} and an empty body, vs the stub alone; {@code send} and
 *       {@code sendAsync(...).join()}.
 * </ul>
 *
 * <p>Rows are named {@code <group>_<row>}; each group's baseline is {@code <group>_bare}. Tenax rows run with
 * {@link HttpRetryPolicy#defaults()} (its default per-host budget and 45 s timeout) and, suffixed
 * {@code Unlimited}, with the same policy and {@code budget(RetryBudget.unlimited())}. {@link BenchMain} prints
 * each row's overhead over its group's bare row in time and in bytes, against the target (≤ 250 ns, ≤ 200 B).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
@SuppressWarnings("NullAway.Init") // JMH calls @Setup before any benchmark method
public class CannedExchangeBenchmark {
    Request okRequest;
    OkHttpClient okBare;
    OkHttpClient okInterceptor;
    OkHttpClient okInterceptorUnlimited;
    Call.Factory okCallFactory;
    Call.Factory okCallFactoryUnlimited;
    CannedOkHttp.LastStatus okCallback;

    CannedApacheClassic classic;
    RetryExecHandler classicHandler;
    RetryExecHandler classicHandlerUnlimited;

    CannedApacheAsync async;
    AsyncRetryExecHandler asyncHandler;
    AsyncRetryExecHandler asyncHandlerUnlimited;

    HttpRequest jdkRequest;
    BodyHandler<Void> jdkHandler;
    HttpClient jdkBare;
    HttpClient jdkTenax;
    HttpClient jdkTenaxUnlimited;

    @Setup(Level.Trial)
    public void setUp() {
        HttpRetryPolicy defaults = HttpRetryPolicy.defaults();
        HttpRetryPolicy unlimited =
                HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build();

        okRequest = new Request.Builder()
                .url("http://localhost:8080/canned")
                .header("Accept", "text/plain")
                .build();
        CannedOkHttp ok = new CannedOkHttp(okRequest);
        okBare = ok.bare();
        okInterceptor = ok.interceptor(defaults);
        okInterceptorUnlimited = ok.interceptor(unlimited);
        okCallFactory = ok.callFactory(defaults);
        okCallFactoryUnlimited = ok.callFactory(unlimited);
        okCallback = new CannedOkHttp.LastStatus();

        classic = new CannedApacheClassic();
        classicHandler = CannedApacheClassic.handler(defaults);
        classicHandlerUnlimited = CannedApacheClassic.handler(unlimited);

        async = new CannedApacheAsync();
        asyncHandler = CannedApacheAsync.handler(defaults);
        asyncHandlerUnlimited = CannedApacheAsync.handler(unlimited);

        jdkRequest = HttpRequest.newBuilder(URI.create("http://localhost:8080/canned"))
                .header("Accept", "text/plain")
                .GET()
                .build();
        jdkHandler = HttpResponse.BodyHandlers.discarding();
        jdkBare = new CannedJdkClient();
        jdkTenax = RetryingHttpClient.wrap(jdkBare, defaults);
        jdkTenaxUnlimited = RetryingHttpClient.wrap(jdkBare, unlimited);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        CannedOkHttp.shutdown(okBare);
        CannedOkHttp.shutdown(okInterceptor);
        CannedOkHttp.shutdown(okInterceptorUnlimited);
    }

    // --- OkHttp, execute()

    @Benchmark
    public int okhttpExecute_bare() throws IOException {
        return execute(okBare);
    }

    @Benchmark
    public int okhttpExecute_interceptor() throws IOException {
        return execute(okInterceptor);
    }

    @Benchmark
    public int okhttpExecute_interceptorUnlimited() throws IOException {
        return execute(okInterceptorUnlimited);
    }

    @Benchmark
    public int okhttpExecute_callFactory() throws IOException {
        return execute(okCallFactory);
    }

    @Benchmark
    public int okhttpExecute_callFactoryUnlimited() throws IOException {
        return execute(okCallFactoryUnlimited);
    }

    private int execute(Call.Factory calls) throws IOException {
        try (Response response = calls.newCall(okRequest).execute()) {
            return response.code();
        }
    }

    // --- OkHttp, enqueue() (the Dispatcher runs the call on the calling thread)

    @Benchmark
    public int okhttpEnqueue_bare() throws IOException {
        return enqueue(okBare);
    }

    @Benchmark
    public int okhttpEnqueue_interceptor() throws IOException {
        return enqueue(okInterceptor);
    }

    @Benchmark
    public int okhttpEnqueue_callFactory() throws IOException {
        return enqueue(okCallFactory);
    }

    @Benchmark
    public int okhttpEnqueue_callFactoryUnlimited() throws IOException {
        return enqueue(okCallFactoryUnlimited);
    }

    private int enqueue(Call.Factory calls) throws IOException {
        calls.newCall(okRequest).enqueue(okCallback);
        return okCallback.take();
    }

    // --- Apache classic: the RETRY element over a fake chain

    @Benchmark
    public ClassicHttpResponse apacheClassic_bare() throws IOException, HttpException {
        return classic.bare();
    }

    @Benchmark
    public ClassicHttpResponse apacheClassic_tenax() throws IOException, HttpException {
        return classic.tenax(classicHandler);
    }

    @Benchmark
    public ClassicHttpResponse apacheClassic_tenaxUnlimited() throws IOException, HttpException {
        return classic.tenax(classicHandlerUnlimited);
    }

    // --- Apache async: the RETRY element over a fake chain that completes at once

    @Benchmark
    public int apacheAsync_bare() throws IOException, HttpException {
        return async.bare();
    }

    @Benchmark
    public int apacheAsync_tenax() throws IOException {
        return async.tenax(asyncHandler);
    }

    @Benchmark
    public int apacheAsync_tenaxUnlimited() throws IOException {
        return async.tenax(asyncHandlerUnlimited);
    }

    // --- JDK: the wrapper over a stub client

    @Benchmark
    public HttpResponse<Void> jdkSend_bare() throws IOException, InterruptedException {
        return jdkBare.send(jdkRequest, jdkHandler);
    }

    @Benchmark
    public HttpResponse<Void> jdkSend_tenax() throws IOException, InterruptedException {
        return jdkTenax.send(jdkRequest, jdkHandler);
    }

    @Benchmark
    public HttpResponse<Void> jdkSend_tenaxUnlimited() throws IOException, InterruptedException {
        return jdkTenaxUnlimited.send(jdkRequest, jdkHandler);
    }

    @Benchmark
    public HttpResponse<Void> jdkSendAsync_bare() {
        return jdkBare.sendAsync(jdkRequest, jdkHandler).join();
    }

    @Benchmark
    public HttpResponse<Void> jdkSendAsync_tenax() {
        return jdkTenax.sendAsync(jdkRequest, jdkHandler).join();
    }

    @Benchmark
    public HttpResponse<Void> jdkSendAsync_tenaxUnlimited() {
        return jdkTenaxUnlimited.sendAsync(jdkRequest, jdkHandler).join();
    }
}
