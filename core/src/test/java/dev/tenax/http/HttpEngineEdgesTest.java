package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.FakeHttp.Request;
import dev.tenax.http.FakeHttp.Response;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRetryDriver;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue 12: the engine's HTTP paths the adapters reach: the budget hears of every call, nothing leaks on cancel. */
class HttpEngineEdgesTest {
    /** Counts the calls the budget was told about. */
    private static final class CountingBudget implements RetryBudget {
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public void onRequest(String key) {
            requests.incrementAndGet();
        }

        @Override
        public boolean tryAcquireRetry(String key, Duration wait) {
            return true;
        }
    }

    private static HttpRetryPolicy policy(RetryBudget budget) {
        return HttpRetryPolicy.builder()
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .budget(budget)
                .build();
    }

    @Test
    void theBudgetHearsOfEveryBlockingAndEveryAsyncCallOnce() throws IOException {
        CountingBudget budget = new CountingBudget();
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));
        Request get = Request.of("GET", "https://api.example.com/items");

        HttpRetryDriver.execute(policy(budget), get, FakeHttp.ACCESS, FailureClassifier.NONE, c -> http.send());
        HttpRetryDriver.executeAsync(policy(budget), get, FakeHttp.ACCESS, FailureClassifier.NONE, c -> {
                    try {
                        return CompletableFuture.completedFuture(http.send());
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                })
                .join();

        assertThat(budget.requests).as("one per call, not per attempt").hasValue(2);
    }

    @Test
    void aResponseThatArrivesAfterTheCallWasCancelledIsReleased() {
        CompletableFuture<Response> inFlight = new CompletableFuture<>();
        CompletableFuture<Response> call = HttpRetryDriver.executeAsync(
                policy(RetryBudget.unlimited()),
                Request.of("GET", "https://api.example.com/items"),
                FakeHttp.ACCESS,
                FailureClassifier.NONE,
                c -> inFlight.minimalCompletionStage()); // a stage the engine's cancel cannot reach
        Response late = new Response(200);

        call.cancel(true);
        inFlight.complete(late);

        assertThat(late.released)
                .as("nobody will read it: its connection must go back")
                .isTrue();
    }
}
