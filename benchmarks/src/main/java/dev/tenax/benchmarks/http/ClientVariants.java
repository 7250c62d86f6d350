package dev.tenax.benchmarks.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every client variant the HTTP harnesses know, by name. P2 ({@code HttpSuccessBenchmark}), P3
 * ({@code RetryStorm}) and P4 ({@code AsyncScale}) pick their rows from here by name.
 *
 * <p><b>Adding a client.</b> Write one {@link LoadClient} per client (as {@link OkHttpCallsClient} does for
 * OkHttp, {@link ApacheClassicClient}, {@link ApacheAsyncClient} and {@link JdkClient} for the others), add its
 * module as a dependency of {@code benchmarks/pom.xml}, register one line per variant in {@link #register}, then
 * add the names to the harnesses' row lists ({@code HttpSuccessBenchmark}'s {@code @Param},
 * {@code RetryStorm.rows()}, {@code AsyncScale.DEFAULT_VARIANTS}). The Apache and JDK rows, in short:
 *
 * <pre>{@code
 * // Apache classic: RetryExecHandler.install(HttpClients.custom(), setup.tenax()).build()
 * public int send(URI uri, @Nullable String callId) throws IOException {
 *     HttpGet get = new HttpGet(uri);
 *     if (callId != null) get.setHeader(LoadServer.CALL_ID, callId);
 *     return client.execute(get, response -> {
 *         EntityUtils.consume(response.getEntity());
 *         return response.getCode();
 *     });
 * }
 * // Apache async: AsyncRetryExecHandler.install(HttpAsyncClients.custom(), setup.tenax()).build(), start();
 * //   sendAsync: client.execute(SimpleRequestBuilder.get(uri)...build(), callback completing a future)
 * // JDK: HttpClient c = RetryingHttpClient.wrap(HttpClient.newHttpClient(), setup.tenax());
 * //   send:      c.send(request, BodyHandlers.ofByteArray()).statusCode()
 * //   sendAsync: c.sendAsync(request, BodyHandlers.ofByteArray()).thenApply(HttpResponse::statusCode)
 * }</pre>
 */
public final class ClientVariants {
    // OkHttp 5
    public static final String OKHTTP_BARE = "okhttp-bare";
    public static final String OKHTTP_TENAX_INTERCEPTOR = "okhttp-tenax-interceptor";
    public static final String OKHTTP_TENAX_CALL_FACTORY = "okhttp-tenax-callfactory";
    public static final String OKHTTP_TENAX_CORE = "okhttp-tenax-core";
    public static final String OKHTTP_FAILSAFE = "okhttp-failsafe";
    public static final String OKHTTP_RESILIENCE4J = "okhttp-resilience4j";

    // Apache HttpClient 5 (ApacheClassicClient, ApacheAsyncClient; pool sized by ApacheShape)
    /** {@code HttpClients.custom().disableAutomaticRetries().build()}: no retries. */
    public static final String APACHE_BARE = "apache-bare";
    /** {@code HttpClients.custom().build()}: Apache's own {@code DefaultHttpRequestRetryStrategy}. */
    public static final String APACHE_DEFAULT_RETRY = "apache-default-retry";
    /** {@code RetryExecHandler.install(HttpClients.custom(), policy).build()}. */
    public static final String APACHE_TENAX_CLASSIC = "apache-tenax-classic";
    /** {@code HttpAsyncClients.custom().disableAutomaticRetries().build()}, started: the async baseline. */
    public static final String APACHE_ASYNC_BARE = "apache-async-bare";
    /** {@code AsyncRetryExecHandler.install(HttpAsyncClients.custom(), policy).build()}, started. */
    public static final String APACHE_TENAX_ASYNC = "apache-tenax-async";

    // JDK HttpClient (JdkClient: HTTP/1.1, a bounded executor)
    /** {@code HttpClient.newBuilder()...build()}: send and sendAsync, no retries of its own but one re-connect. */
    public static final String JDK_BARE = "jdk-bare";
    /** {@code RetryingHttpClient.wrap(client, policy)}: send and sendAsync (P4 drives sendAsync). */
    public static final String JDK_TENAX = "jdk-tenax";

    private static final Map<String, ClientVariant> VARIANTS = register();

    private ClientVariants() {}

    private static Map<String, ClientVariant> register() {
        List<ClientVariant> all = new ArrayList<>();
        all.add(new ClientVariant(
                OKHTTP_BARE,
                "OkHttp 5 alone (its built-in retryOnConnectionFailure on, the default)",
                OkHttpCallsClient::bare));
        all.add(new ClientVariant(
                OKHTTP_TENAX_INTERCEPTOR,
                "RetryInterceptor.install(builder, policy): execute / enqueue",
                OkHttpCallsClient::tenaxInterceptor));
        all.add(new ClientVariant(
                OKHTTP_TENAX_CALL_FACTORY,
                "RetryingCallFactory.create(client, policy): execute / enqueue",
                OkHttpCallsClient::tenaxCallFactory));
        all.add(new ClientVariant(
                OKHTTP_TENAX_CORE,
                "core RetryPolicy.call around the bare client's execute (a retried status thrown as IOException)",
                OkHttpTenaxCoreClient::create));
        all.add(new ClientVariant(
                OKHTTP_FAILSAFE,
                "failsafe-okhttp 3.3.2 FailsafeCall: execute / executeAsync",
                OkHttpFailsafeClient::create));
        all.add(new ClientVariant(
                OKHTTP_RESILIENCE4J,
                "Resilience4j 2.4.0 Retry.decorateCheckedSupplier around execute",
                OkHttpResilience4jClient::create));

        // Apache HttpClient 5 (module apache-httpclient, package dev.tenax.apache); pool: see ApacheShape
        all.add(new ClientVariant(
                APACHE_BARE, "HttpClient 5 classic, disableAutomaticRetries(): no retries", ApacheClassicClient::bare));
        all.add(new ClientVariant(
                APACHE_DEFAULT_RETRY,
                "HttpClient 5 classic with its own DefaultHttpRequestRetryStrategy (1 retry, 1 s, 429/503)",
                ApacheClassicClient::defaultRetry));
        all.add(new ClientVariant(
                APACHE_TENAX_CLASSIC,
                "RetryExecHandler.install(HttpClients.custom(), policy): execute",
                ApacheClassicClient::tenax));
        all.add(new ClientVariant(
                APACHE_ASYNC_BARE,
                "HttpClient 5 async, disableAutomaticRetries(), started: execute(SimpleHttpRequest, callback)",
                ApacheAsyncClient::bare));
        all.add(new ClientVariant(
                APACHE_TENAX_ASYNC,
                "AsyncRetryExecHandler.install(HttpAsyncClients.custom(), policy), started: execute(…, callback)",
                ApacheAsyncClient::tenax));
        // JDK HttpClient (module jdk-httpclient, package dev.tenax.jdk); HTTP/1.1, bounded executor: see JdkClient
        all.add(new ClientVariant(JDK_BARE, "java.net.http.HttpClient alone: send / sendAsync", JdkClient::bare));
        all.add(new ClientVariant(
                JDK_TENAX, "RetryingHttpClient.wrap(HttpClient, policy): send / sendAsync", JdkClient::tenax));

        Map<String, ClientVariant> byName = new LinkedHashMap<>();
        for (ClientVariant v : all) {
            byName.put(v.name(), v);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** The row a variant's throughput is compared with: the same client without a retry layer. */
    public static String baselineOf(String name) {
        if (name.startsWith("okhttp-")) {
            return OKHTTP_BARE;
        }
        if (name.equals(APACHE_TENAX_ASYNC) || name.startsWith("apache-async")) {
            return APACHE_ASYNC_BARE;
        }
        if (name.startsWith("apache-")) {
            return APACHE_BARE;
        }
        if (name.startsWith("jdk-")) {
            return JDK_BARE;
        }
        return name;
    }

    /** Every registered variant, in registration order. */
    public static List<ClientVariant> all() {
        return List.copyOf(VARIANTS.values());
    }

    /** Whether {@code name} is registered. */
    public static boolean isRegistered(String name) {
        return VARIANTS.containsKey(name);
    }

    /**
     * The variant called {@code name}.
     *
     * @throws IllegalArgumentException if none is registered under that name
     */
    public static ClientVariant byName(String name) {
        ClientVariant v = VARIANTS.get(name);
        if (v == null) {
            throw new IllegalArgumentException(
                    "no client variant '" + name + "' (registered: " + VARIANTS.keySet() + ")");
        }
        return v;
    }
}
