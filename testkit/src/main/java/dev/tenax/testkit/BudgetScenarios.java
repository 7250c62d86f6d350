package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenax.RetryPolicy;
import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * The default budget (issue 14) in every client: a rate limiter's 429 with a hint is paced by the hint and never
 * refused, while a server that answers 503 with {@code Retry-After} to everything gets no more than the budget's
 * few retries. Both use the default, JVM-wide budget, as users do.
 */
public interface BudgetScenarios extends ScenarioHost {
    /** Switches the scenario to real time (the rate limiter below counts real seconds). */
    void scenarioRealTime();

    @Test
    default void aBurstAgainstARateLimiterSucceedsByWaitingAsTold() throws Exception {
        scenarioRealTime();
        RateLimiter limiter = new RateLimiter(5, 5);
        mockServer().setDispatcher(limiter);
        EventRecorder events = new EventRecorder();
        ContractClient client = scenarioClient(HttpRetryPolicy.builder()
                .attempts(20)
                .timeout(Duration.ofSeconds(30))
                .listener(events));

        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<ContractResponse>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String path = "/item/" + i;
                calls.add(callers.submit(() ->
                        client.send(ContractRequest.get(mockServer().url(path).uri()))));
            }
            for (Future<ContractResponse> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(limiter.refused()).as("the limiter really refused some").isPositive();
        assertThat(events.retries())
                .allSatisfy(r -> assertThat(r.waitFor()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(events.giveUps()).isEmpty();
    }

    @Test
    default void aServerAnsweringEverything503WithRetryAfterGetsOnlyTheBudgetsRetries() throws Exception {
        mockServer().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .code(503)
                        .addHeader("Retry-After", "1")
                        .body("down")
                        .build();
            }
        });
        ContractClient client = scenarioClient(HttpRetryPolicy.builder());

        for (int i = 0; i < 40; i++) {
            assertThat(client.send(ContractRequest.get(mockServer().url("/" + i).uri()))
                            .status())
                    .isEqualTo(503);
        }

        // the default bucket holds 5 retries and no success refills it (fewer if an earlier test's server had
        // this port: the budget is JVM-wide, per origin)
        assertThat(mockServer().getRequestCount()).isBetween(40, 45);
    }

    /**
     * Whether a call of this variant starts its Tenax engine on the caller's thread, where a Tenax call around it
     * is seen. OkHttp's interceptor under {@code enqueue} runs on a Dispatcher thread: it does not.
     */
    default boolean seesAnOuterPolicy() {
        return true;
    }

    @Test
    default void aPolicyAroundTheClientDoesNotMultiplyItsAttempts() throws Exception {
        assumeTrue(seesAnOuterPolicy(), "the client's engine starts on another thread");
        mockServer().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // every connection drops as the response starts: a transient failure both layers retry
                return new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build();
            }
        });
        // what one attempt sends: the JDK client itself resends a GET once when the connection drops
        ContractClient once = scenarioClient(scenarioPolicy().attempts(1));
        assertThatThrownBy(() ->
                        once.send(ContractRequest.get(mockServer().url("/").uri())))
                .isInstanceOf(IOException.class);
        int perAttempt = mockServer().getRequestCount();
        ContractClient client = scenarioClient(scenarioPolicy()
                .attempts(3)
                .waitInitial(Duration.ZERO)
                .waitMax(Duration.ZERO)
                .waitJitter(Duration.ZERO));
        RetryPolicy application = RetryPolicy.on(IOException.class)
                .attempts(3)
                .name("application")
                .waitInitial(Duration.ZERO)
                .waitMax(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .build();

        assertThatThrownBy(() -> application.call(() ->
                        client.send(ContractRequest.get(mockServer().url("/").uri()))))
                .isInstanceOf(IOException.class);

        // 3 x 3 would be 9: the client's policy makes one attempt inside each of the application's
        assertThat(mockServer().getRequestCount() - perAttempt).isEqualTo(3 * perAttempt);
    }

    /** A server-side token bucket: {@code perSecond} requests a second, bursts of {@code burst}; 429 beyond. */
    final class RateLimiter extends Dispatcher {
        private final double perSecond;
        private final double burst;
        private final AtomicInteger refused = new AtomicInteger();
        private double tokens;
        private long last = System.nanoTime();

        RateLimiter(double perSecond, double burst) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.tokens = burst;
        }

        int refused() {
            return refused.get();
        }

        @Override
        public synchronized MockResponse dispatch(RecordedRequest request) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens--;
                return new MockResponse.Builder().body("ok").build();
            }
            refused.incrementAndGet();
            return new MockResponse.Builder()
                    .code(429)
                    .addHeader("Retry-After", "1")
                    .body("slow down")
                    .build();
        }
    }
}
