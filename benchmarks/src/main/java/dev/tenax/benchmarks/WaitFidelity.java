package dev.tenax.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.benchmarks.http.LoadServer;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.okhttp.RetryingCallFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * P5: wait fidelity. Each row makes {@code --waits} (1,000) waits of 1–50 ms, in calls of 11 attempts (10
 * failures, then a success), one call at a time, and compares each wait the library scheduled with the time that
 * really passed: from the moment the library announces the wait (the listener's {@code waitFor}) to the start of
 * the next attempt, both read with {@code System.nanoTime()}. Real time, by nature. Prints one Markdown table of
 * the error (actual − scheduled): p50, p99, max, min.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Dbench.main=dev.tenax.benchmarks.WaitFidelity \
 *     -Dbench.args="--waits 1000"
 * </pre>
 *
 * <p>Tenax: {@code RetryPolicy.on(IOException.class).attempts(11).waitInitial(1 ms).waitExpBase(1)
 * .waitJitter(49 ms).waitMax(50 ms)}: every wait is 1 ms + U(0, 49 ms). Failsafe (reference): {@code
 * withDelay(1 ms, 50 ms)} (uniformly random), {@code onRetryScheduled} for the scheduled delay. The OkHttp rows run
 * the same Tenax schedule through {@code RetryInterceptor} ({@code execute}: a blocking wait that watches the
 * call's cancel flag) and {@code RetryingCallFactory} ({@code enqueue}: a scheduled wait) on loopback.
 */
public final class WaitFidelity {
    private static final String DEFAULT_ROWS = "tenax-call,tenax-callAsync,okhttp-interceptor-execute,"
            + "okhttp-callfactory-enqueue,failsafe-get,failsafe-getAsync";

    private WaitFidelity() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        if (args.has("help")) {
            System.out.println(
                    "WaitFidelity [--waits 1000] [--rows tenax-call,tenax-callAsync,failsafe-get,failsafe-getAsync]");
            return;
        }
        int waits = args.getInt("waits", 1000);
        int calls = Math.max(1, waits / 10);
        List<String> rows = args.getList("rows", DEFAULT_ROWS);
        Tenax.setListeners(List.of());

        StringBuilder table = new StringBuilder();
        table.append("| Row | Waits | Mean scheduled (ms) | Error p50 (ms) | Error p99 (ms) | Error max (ms)")
                .append(" | Error min (ms) | Mean error (ms) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String row : rows) {
            Recorder recorder = new Recorder(calls * 10);
            switch (row.trim()) {
                case "tenax-call" -> tenax(recorder, calls, false);
                case "tenax-callAsync" -> tenax(recorder, calls, true);
                case "okhttp-interceptor-execute" -> okhttp(recorder, calls, false);
                case "okhttp-callfactory-enqueue" -> okhttp(recorder, calls, true);
                case "failsafe-get" -> failsafe(recorder, calls, false);
                case "failsafe-getAsync" -> failsafe(recorder, calls, true);
                default -> throw new IllegalArgumentException("unknown row " + row);
            }
            String line = recorder.line(row.trim());
            System.err.println(line);
            table.append(line).append('\n');
        }
        System.out.println();
        System.out.println(BenchMain.machine());
        System.out.println();
        System.out.println("Error = actual − scheduled wait; actual = from the retry announcement (listener) to the"
                + " next attempt's start, by System.nanoTime(). Positive: late.");
        System.out.println();
        System.out.print(table);
    }

    private static void tenax(Recorder recorder, int calls, boolean async) throws Exception {
        IOException planned = new IOException("planned failure"); // one instance: no stack trace per attempt
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(11)
                .waitInitial(Duration.ofMillis(1))
                .waitExpBase(1)
                .waitJitter(Duration.ofMillis(49))
                .waitMax(Duration.ofMillis(50))
                .name("p5")
                .listener((RetryDetails details) ->
                        recorder.scheduled(details.waitFor().toNanos()))
                .build();
        for (int c = 0; c < calls; c++) {
            int[] attempt = {0};
            if (async) {
                policy.callAsync(() -> {
                            recorder.attemptStarts();
                            return ++attempt[0] <= 10
                                    ? CompletableFuture.<String>failedFuture(planned)
                                    : CompletableFuture.completedFuture("ok");
                        })
                        .get(10, TimeUnit.SECONDS);
            } else {
                policy.call(() -> {
                    recorder.attemptStarts();
                    if (++attempt[0] <= 10) {
                        throw planned;
                    }
                    return "ok";
                });
            }
        }
    }

    /**
     * The same schedule through the OkHttp adapters, on loopback: the server answers each call 503 ten times, then
     * 200. An application interceptor added after Tenax's (so inside its retry loop) or on the factory's client (so
     * on every attempt's call) marks each attempt's start, in process: no network time is counted. The interceptor
     * waits on the calling thread and watches the call's cancel flag; the call factory schedules its waits.
     */
    private static void okhttp(Recorder recorder, int calls, boolean callFactory) throws Exception {
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(11)
                .waitInitial(Duration.ofMillis(1))
                .waitExpBase(1)
                .waitJitter(Duration.ofMillis(49))
                .waitMax(Duration.ofMillis(50))
                .budget(RetryBudget.unlimited())
                .listener((RetryDetails details) ->
                        recorder.scheduled(details.waitFor().toNanos()))
                .build();
        Interceptor mark = chain -> {
            recorder.attemptStarts();
            return chain.proceed(chain.request());
        };
        try (LoadServer server = LoadServer.start(LoadServer.Behaviour.failFirst(10, 503), 2)) {
            OkHttpClient client;
            Call.Factory factory;
            if (callFactory) {
                client = new OkHttpClient.Builder().addInterceptor(mark).build();
                RetryingCallFactory retrying = RetryingCallFactory.create(client, policy);
                factory = retrying;
                client = retrying.client();
            } else {
                client = RetryInterceptor.install(new OkHttpClient.Builder(), policy)
                        .addInterceptor(mark)
                        .build();
                factory = client;
            }
            try {
                for (int c = 0; c < calls; c++) {
                    Request request = new Request.Builder()
                            .url(server.uri("/p5").toString())
                            .header(LoadServer.CALL_ID, "call-" + c)
                            .build();
                    if (callFactory) {
                        CompletableFuture<Integer> done = new CompletableFuture<>();
                        factory.newCall(request).enqueue(new Callback() {
                            @Override
                            public void onFailure(Call call, IOException e) {
                                done.completeExceptionally(e);
                            }

                            @Override
                            public void onResponse(Call call, Response response) {
                                try (response) {
                                    done.complete(response.code());
                                }
                            }
                        });
                        done.get(10, TimeUnit.SECONDS);
                    } else {
                        try (Response response = factory.newCall(request).execute()) {
                            response.body().bytes();
                        }
                    }
                }
            } finally {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
    }

    private static void failsafe(Recorder recorder, int calls, boolean async) throws Exception {
        IOException planned = new IOException("planned failure");
        FailsafeExecutor<String> failsafe = Failsafe.with(dev.failsafe.RetryPolicy.<String>builder()
                .handle(IOException.class)
                .withMaxAttempts(11)
                .withDelay(Duration.ofMillis(1), Duration.ofMillis(50))
                .onRetryScheduled(e -> recorder.scheduled(e.getDelay().toNanos()))
                .build());
        for (int c = 0; c < calls; c++) {
            int[] attempt = {0};
            if (async) {
                failsafe.getStageAsync(() -> {
                            recorder.attemptStarts();
                            return ++attempt[0] <= 10
                                    ? CompletableFuture.<String>failedFuture(planned)
                                    : CompletableFuture.completedFuture("ok");
                        })
                        .get(10, TimeUnit.SECONDS);
            } else {
                failsafe.get(() -> {
                    recorder.attemptStarts();
                    if (++attempt[0] <= 10) {
                        throw planned;
                    }
                    return "ok";
                });
            }
        }
    }

    /** Pairs each announced wait with the next attempt's start; one call at a time, so no two waits overlap. */
    static final class Recorder {
        private final double[] scheduledMs;
        private final double[] errorMs;
        private int count;
        private long pendingScheduled = -1;
        private long announcedAt;

        Recorder(int capacity) {
            scheduledMs = new double[capacity];
            errorMs = new double[capacity];
        }

        synchronized void scheduled(long waitNanos) {
            announcedAt = System.nanoTime();
            pendingScheduled = waitNanos;
        }

        synchronized void attemptStarts() {
            long now = System.nanoTime();
            if (pendingScheduled >= 0 && count < errorMs.length) {
                scheduledMs[count] = pendingScheduled / 1e6;
                errorMs[count] = (now - announcedAt - pendingScheduled) / 1e6;
                count++;
            }
            pendingScheduled = -1;
        }

        synchronized String line(String row) {
            double[] errors = Percentiles.sorted(java.util.Arrays.copyOf(errorMs, count));
            double meanScheduled = 0;
            double meanError = 0;
            for (int i = 0; i < count; i++) {
                meanScheduled += scheduledMs[i] / count;
                meanError += errorMs[i] / count;
            }
            return Percentiles.fmt(
                    "| `%s` | %d | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |",
                    row,
                    count,
                    meanScheduled,
                    Percentiles.of(errors, 50),
                    Percentiles.of(errors, 99),
                    count == 0 ? Double.NaN : errors[count - 1],
                    count == 0 ? Double.NaN : errors[0],
                    meanError);
        }
    }
}
