package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.http.LongRetryAfter;
import dev.tenax.testing.VirtualTime;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Proves for one client variant that nothing is lost, duplicated or leaked under faults (R1–R6, S1 of the
 * reliability issue). Sizes are small in {@code ./mvnw verify} and full with {@code -Psoak} (system property
 * {@code tenax.soak=true}). Figures are printed as {@code reliability:} lines for docs/reliability.md. No assertion
 * depends on timing.
 */
public abstract class ReliabilitySuite extends ServerScenarios {
    protected static final boolean SOAK = Boolean.getBoolean("tenax.soak");
    private static final List<LongRetryAfter> RULES =
            List.of(LongRetryAfter.GIVE_UP, LongRetryAfter.CLAMP, LongRetryAfter.IGNORE);
    private static final String SECRET = "t0p-s3cret";

    private ContractClient client(HttpRetryPolicy.Builder policy) {
        return track(newClient(policy.listener(recorder).build()));
    }

    private static HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder().budget(RetryBudget.unlimited());
    }

    private void dispatch(Dispatcher dispatcher) {
        server.setDispatcher(dispatcher);
    }

    private static MockResponse status(int code, String body, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeaderLenient(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    private void report(String scenario, String figures) {
        System.out.printf("reliability: %s %s: %s%n", getClass().getSimpleName(), scenario, figures);
    }

    /** The request's sequence key: the path, which each logical request makes unique. */
    private static String key(RecordedRequest request) {
        return request.getUrl().encodedPath();
    }

    @Test
    void r1LeaksNothingAfterManyRetriedResponsesWithLargeBodies() throws Exception {
        int requests = SOAK ? 1_000 : 200;
        String body64k = "b".repeat(64 * 1024);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return seen.add(key(request)) ? status(503, body64k) : status(200, "ok");
            }
        });
        ContractClient client = client(policy());
        int fdsBefore = openFileDescriptors();

        try (VirtualTime time = VirtualTime.install()) {
            for (int i = 0; i < requests; i++) {
                assertThat(client.send(
                                ContractRequest.get(server.url("/r1/" + i).uri())))
                        .isEqualTo(new ContractResponse(200, "ok"));
            }
        }

        int leased = client.leasedConnections();
        int fdsWithServer = openFileDescriptors();
        // MockWebServer keeps its side of a connection the client discarded mid-body until it shuts down; a
        // client-side leak would survive the server's shutdown, so count after it
        server.close();
        int fdsAfter = openFileDescriptors();
        assertThat(retries).hasSize(requests);
        if (leased >= 0) {
            assertThat(leased).isZero();
        }
        if (fdsBefore >= 0) {
            // a leak would grow with the number of requests; a handful of pooled sockets may stay open
            assertThat(fdsAfter - fdsBefore).isLessThan(20);
        }
        report(
                "R1",
                requests + " retried 64 KiB responses, leased connections after: " + leased + ", open fds " + fdsBefore
                        + " -> " + fdsAfter + " (" + fdsWithServer + " before the test server shut down)");
    }

    private static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    @Test
    void r2APostIsNeverDuplicatedButAKeyedOneIsRetried() throws Exception {
        int requests = SOAK ? 1_000 : 200;
        Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int n = arrivals.computeIfAbsent(key(request), k -> new AtomicInteger())
                        .incrementAndGet();
                return n == 1
                        ? new MockResponse.Builder()
                                .onResponseStart(new SocketEffect.CloseSocket())
                                .build()
                        : status(201, "created");
            }
        });
        ContractClient client = client(policy());
        int failed = 0;
        int created = 0;

        try (VirtualTime time = VirtualTime.install()) {
            for (int i = 0; i < requests; i++) {
                try {
                    client.send(
                            ContractRequest.of("POST", server.url("/plain/" + i).uri(), "{\"i\":" + i + "}"));
                } catch (IOException expected) {
                    failed++;
                }
                ContractResponse keyed = client.send(
                        ContractRequest.of("POST", server.url("/keyed/" + i).uri(), "{\"i\":" + i + "}")
                                .header("Idempotency-Key", "k-" + i));
                if (keyed.status() == 201) {
                    created++;
                }
            }
        }

        for (int i = 0; i < requests; i++) {
            assertThat(arrivals.get("/plain/" + i)).as("plain POST %d", i).hasValue(1);
            assertThat(arrivals.get("/keyed/" + i)).as("keyed POST %d", i).hasValue(2);
        }
        assertThat(failed).isEqualTo(requests);
        assertThat(created).isEqualTo(requests);
        report(
                "R2",
                requests + " plain POSTs each reached the server once (" + failed + " failed to the caller), " + created
                        + " keyed POSTs retried and created");
    }

    @Test
    void r3BodiesAreNeverReplayedWhenOneShotAndArriveIdenticalWhenRepeatable() throws Exception {
        int requests = SOAK ? 500 : 100;
        Random random = new Random(3);
        Map<String, List<Long>> checksums = new ConcurrentHashMap<>();
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                List<Long> sums = checksums.computeIfAbsent(key(request), k -> new CopyOnWriteArrayList<>());
                ByteString body = request.getBody();
                CRC32 crc = new CRC32();
                crc.update(body == null ? new byte[0] : body.toByteArray());
                sums.add(crc.getValue());
                return sums.size() < 3 ? status(503, "busy") : status(200, "stored");
            }
        });
        ContractClient client = client(policy());
        int oneShotRefused = 0;

        try (VirtualTime time = VirtualTime.install()) {
            for (int i = 0; i < requests; i++) {
                String body = randomText(random, 1 + random.nextInt(64 * 1024));
                CRC32 expected = new CRC32();
                expected.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(client.send(ContractRequest.of(
                                "PUT", server.url("/repeatable/" + i).uri(), body)))
                        .isEqualTo(new ContractResponse(200, "stored"));
                assertThat(checksums.get("/repeatable/" + i))
                        .containsExactly(expected.getValue(), expected.getValue(), expected.getValue());

                ContractResponse oneShot = client.send(
                        ContractRequest.of("PUT", server.url("/one-shot/" + i).uri(), body)
                                .asOneShot());
                assertThat(oneShot.status()).isEqualTo(503);
                assertThat(checksums.get("/one-shot/" + i)).containsExactly(expected.getValue());
                oneShotRefused++;
            }
        }
        report(
                "R3",
                requests + " repeatable bodies (1 B-64 KiB) byte-identical on 3 attempts each; " + oneShotRefused
                        + " one-shot bodies sent exactly once");
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    @Test
    void r4FuzzedHintsNeverThrowNorWaitPastTheCap() throws Exception {
        int requests = SOAK ? 20_000 : 1_000;
        Random random = new Random(4);
        String[] headers = {"Retry-After", "RateLimit", "RateLimit-Reset", "X-RateLimit-Reset", "retry-after-ms"};
        Duration cap = Duration.ofSeconds(30);
        Duration jitter = Duration.ofSeconds(1);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Map<String, String> hints = new ConcurrentHashMap<>();
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String key = key(request);
                if (!answered.add(key)) {
                    return status(200, "ok");
                }
                String[] hint = java.util.Objects.requireNonNull(hints.get(key)).split("\n", 2);
                return status(503, "busy", hint[0], hint[1]);
            }
        });
        Map<LongRetryAfter, ContractClient> byRule = new java.util.EnumMap<>(LongRetryAfter.class);
        for (LongRetryAfter rule : RULES) {
            byRule.put(
                    rule, client(policy().maxRetryAfter(cap).waitJitter(jitter).longRetryAfter(rule)));
        }
        int[] outcomes = new int[2];

        try (VirtualTime time = VirtualTime.install()) {
            for (int i = 0; i < requests; i++) {
                String name = headers[random.nextInt(headers.length)];
                String value = fuzzedValue(random, time);
                String path = "/r4/" + i;
                hints.put(path, name + "\n" + value);
                LongRetryAfter rule = RULES.get(i % RULES.size());
                ContractClient client = java.util.Objects.requireNonNull(byRule.get(rule));
                int before = time.waits().size();

                ContractResponse response =
                        client.send(ContractRequest.get(server.url(path).uri()));

                List<Duration> waits = time.waits().subList(before, time.waits().size());
                assertThat(waits)
                        .as("%s: %s (%s)", name, value, rule)
                        .allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, cap.plus(jitter)));
                if (response.status() == 503) {
                    assertThat(rule)
                            .as("only GIVE_UP returns the hinted response")
                            .isEqualTo(LongRetryAfter.GIVE_UP);
                    assertThat(waits).isEmpty();
                    outcomes[1]++;
                } else {
                    outcomes[0]++;
                }
            }
        }
        report(
                "R4",
                requests + " fuzzed hints from a real server: " + outcomes[0] + " retried within [0, cap + jitter], "
                        + outcomes[1] + " too long and returned at once (GIVE_UP)");
    }

    private static String fuzzedValue(Random random, VirtualTime time) {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt(120));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "99999999999999999999999";
            case 3 ->
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        time.now().plusSeconds(random.nextInt(7_200) - 3_600).atOffset(java.time.ZoneOffset.UTC));
            case 4 -> "t=" + random.nextInt(100) + ", r=0";
            case 5 -> Long.toString(time.now().getEpochSecond() + random.nextInt(100));
            case 6 -> "garbage " + random.nextInt();
            default -> noise(random);
        };
    }

    private static String noise(Random random) {
        StringBuilder noise = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            noise.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return noise.toString().strip();
    }

    @Test
    void r5DeadlinesHoldUnderRandomSchedules() throws Exception {
        int schedules = SOAK ? 1_000 : 100;
        Random random = new Random(5);
        Map<String, long[]> plans = new ConcurrentHashMap<>();
        AtomicInteger served = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<@Nullable VirtualTime> clock =
                new java.util.concurrent.atomic.AtomicReference<>();
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long[] plan = java.util.Objects.requireNonNull(plans.get(key(request)));
                served.incrementAndGet();
                VirtualTime time = clock.get();
                if (time != null) {
                    time.advance(Duration.ofMillis(plan[0])); // a slow response, on the virtual clock
                }
                return plan[1] < 0 ? status(503, "busy") : status(503, "busy", "Retry-After", Long.toString(plan[1]));
            }
        });
        int overruns = 0;
        long worst = 0;

        try (VirtualTime time = VirtualTime.install()) {
            clock.set(time);
            for (int i = 0; i < schedules; i++) {
                long slowMillis = random.nextInt(3_000);
                long hint = random.nextBoolean() ? -1 : random.nextInt(10);
                Duration timeout = Duration.ofMillis(500 + random.nextInt(20_000));
                String path = "/r5/" + i;
                plans.put(path, new long[] {slowMillis, hint});
                ContractClient client =
                        client(policy().attempts(1 + random.nextInt(10)).timeout(timeout));
                Duration start = time.elapsed();

                client.send(ContractRequest.get(server.url(path).uri()));

                Duration elapsed = time.elapsed().minus(start);
                Duration bound = timeout.plusMillis(slowMillis);
                worst = Math.max(worst, elapsed.minus(timeout).toMillis());
                if (elapsed.compareTo(bound) > 0) {
                    overruns++;
                }
                client.close();
            }
        } finally {
            clock.set(null);
        }

        assertThat(overruns)
                .as("schedules where elapsed > timeout + one attempt's time")
                .isZero();
        report(
                "R5",
                schedules + " random schedules (" + served.get() + " attempts): elapsed <= timeout + one"
                        + " attempt's own time in all; worst excess over the timeout " + worst + " ms (virtual)");
    }

    @Test
    void r6CancelsAndInterruptsAtRandomPointsSendNothingMore() throws Exception {
        int rounds = SOAK ? 200 : 20;
        Random random = new Random(6);
        AtomicInteger arrivals = new AtomicInteger();
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.incrementAndGet();
                return status(503, "busy");
            }
        });
        List<Long> stopMillis = new ArrayList<>();

        for (int round = 0; round < rounds; round++) {
            CountDownLatch waiting = new CountDownLatch(1);
            // a wait far longer than the random point below, so no attempt can start between it and the cancel
            // (a wait of 0.2 s and a point of up to 0.1 s left only the machine's scheduling delay as margin)
            ContractClient client = client(policy().waitInitial(Duration.ofSeconds(20 + random.nextInt(30)))
                    .waitMax(Duration.ofMinutes(1))
                    .timeout(Duration.ofMinutes(5))
                    .listener(d -> waiting.countDown()));
            int before = arrivals.get();
            Pending pending =
                    client.start(ContractRequest.get(server.url("/r6/" + round).uri()));
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
            if (random.nextBoolean()) {
                // a random point inside the wait (real time, by nature of the scenario)
                Thread.sleep(random.nextInt(100));
            }
            int atCancel = arrivals.get();
            long cancelledAt = System.nanoTime();

            pending.cancel();
            Throwable ended = null;
            try {
                pending.await();
            } catch (Exception e) {
                ended = e;
            }

            stopMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt));
            assertThat(ended)
                    .as("the call ends with the client's cancel or interrupt exception")
                    .isNotNull();
            assertThat(arrivals.get()).as("no attempt after the cancel").isEqualTo(atCancel);
            assertThat(atCancel - before).isGreaterThanOrEqualTo(1);
            client.close();
        }
        stopMillis.sort(null);
        report(
                "R6",
                rounds + " cancels during waits: no attempt after any cancel; time from cancel to the call's end"
                        + " p50 " + stopMillis.get(stopMillis.size() / 2) + " ms, max "
                        + stopMillis.get(stopMillis.size() - 1)
                        + " ms");
    }

    @Test
    void s1SecretsNeverAppearInLogsEventsOrExceptions() throws Exception {
        int requests = SOAK ? 200 : 40;
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = key(request);
                return path.endsWith("/drop")
                        ? new MockResponse.Builder()
                                .onResponseStart(new SocketEffect.CloseSocket())
                                .build()
                        : status(503, "busy");
            }
        });
        List<String> texts = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger("dev.tenax");
        Level previous = log.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                texts.add(record.getMessage() + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.setLevel(Level.ALL);
        log.addHandler(capture);
        Tenax.setListeners(null);
        ContractClient client = client(policy().attempts(3));
        try (VirtualTime time = VirtualTime.install()) {
            for (int i = 0; i < requests; i++) {
                String path = i % 2 == 0 ? "/s1/" + i + "/drop" : "/s1/" + i;
                ContractRequest request = ContractRequest.of(
                                "POST",
                                server.url(path + "?token=" + SECRET + "&user=" + SECRET)
                                        .uri(),
                                "{}")
                        .header("Authorization", "Bearer " + SECRET)
                        .header("Cookie", "session=" + SECRET)
                        .header("Proxy-Authorization", "Basic " + SECRET)
                        .header("Idempotency-Key", "key-" + i);
                try {
                    client.send(request);
                } catch (IOException | RuntimeException e) {
                    texts.add(describe(e));
                }
            }
        } finally {
            log.removeHandler(capture);
            log.setLevel(previous);
        }
        for (RetryDetails r : retries) {
            texts.add(r.name() + " " + r.target() + " " + r.errorType() + " " + describe(r.cause()));
        }
        for (GiveUpDetails g : giveUps) {
            texts.add(g.name() + " " + g.target() + " " + g.errorType() + " " + describe(g.cause()));
        }

        assertThat(texts).isNotEmpty().noneMatch(text -> text.contains(SECRET));
        report("S1", texts.size() + " log lines, events and exception messages checked: no secret in any");
    }

    @Test
    void r7SoakKeepsHeapAndThreadsFlatAndLosesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SOAK, "soak only: ./mvnw -Psoak verify");
        long runNanos = TimeUnit.SECONDS.toNanos(Long.getLong("tenax.soak.seconds", 50));
        int maxRequests = 1_000_000;
        Random random = new Random(7);
        dispatch(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = key(request);
                int fault;
                synchronized (random) {
                    fault = random.nextInt(100);
                }
                if (fault < 4) {
                    return status(503, "busy");
                }
                if (fault < 7) {
                    return status(429, "slow down", "Retry-After", "0");
                }
                if (fault < 9) {
                    return new MockResponse.Builder()
                            .onResponseStart(new SocketEffect.CloseSocket())
                            .build();
                }
                if (fault < 10) {
                    return new MockResponse.Builder()
                            .code(200)
                            .body(path)
                            .headersDelay(20, TimeUnit.MILLISECONDS) // a stall well under the read timeout
                            .build();
                }
                return status(200, path);
            }
        });
        AtomicInteger retryCount = new AtomicInteger();
        // its own counter, not the shared recorder: a list of every event would itself grow the heap
        ContractClient client = newClient(policy().attempts(20)
                .waitInitial(Duration.ofMillis(1))
                .waitMax(Duration.ofMillis(5))
                .waitJitter(Duration.ofMillis(1))
                .listener(d -> retryCount.incrementAndGet())
                .build());
        track(client);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] heap = new long[3];
        int[] threads = new int[3];
        long start = System.nanoTime();
        int callers = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers + 1);
        try {
            // MockWebServer keeps every request until taken: take them, or the test server's heap is measured
            java.util.concurrent.Future<?> drainer = pool.submit(() -> {
                while (System.nanoTime() - start < runNanos + TimeUnit.SECONDS.toNanos(5)) {
                    server.takeRequest(100, TimeUnit.MILLISECONDS);
                }
                return null;
            });
            heap[0] = usedHeapAfterGc();
            threads[0] = Thread.activeCount();
            List<java.util.concurrent.Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                loops.add(pool.submit(() -> {
                    while (System.nanoTime() - start < runNanos) {
                        int n = sent.incrementAndGet();
                        if (n > maxRequests) {
                            return null;
                        }
                        String path = "/soak/" + n;
                        try {
                            ContractResponse response = client.send(
                                    ContractRequest.get(server.url(path).uri()));
                            if (response.status() != 200 || !response.body().equals(path)) {
                                wrong.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                        if (n == 20_000) {
                            synchronized (heap) {
                                heap[1] = usedHeapAfterGc();
                                threads[1] = Thread.activeCount();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> loop : loops) {
                loop.get();
            }
            drainer.cancel(true);
            heap[2] = usedHeapAfterGc();
            threads[2] = Thread.activeCount();
        } finally {
            pool.shutdownNow();
        }
        int requests = Math.min(sent.get(), maxRequests);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(wrong).as("lost or mixed-up results").hasValue(0);
        assertThat(failed).as("requests that failed despite 20 attempts").hasValue(0);
        report(
                "R7",
                String.format(
                        java.util.Locale.ROOT,
                        "%d requests in %.0f s (%.0f/s) with ~10%% faults: 0 lost, 0 wrong, %d retries; heap after GC"
                                + " %d -> %d -> %d MiB; live threads %d -> %d -> %d",
                        requests,
                        seconds,
                        requests / seconds,
                        retryCount.get(),
                        heap[0] >> 20,
                        heap[1] >> 20,
                        heap[2] >> 20,
                        threads[0],
                        threads[1],
                        threads[2]));
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** An exception's messages, its causes' and its suppressed exceptions'. */
    private static String describe(@Nullable Throwable t) {
        StringBuilder text = new StringBuilder();
        describe(t, text, 0);
        return text.toString();
    }

    private static void describe(@Nullable Throwable t, StringBuilder text, int depth) {
        if (t == null || depth > 8) {
            return;
        }
        text.append(t).append(' ');
        describe(t.getCause(), text, depth + 1);
        for (Throwable s : t.getSuppressed()) {
            describe(s, text, depth + 1);
        }
    }
}
