package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.BatchResult;
import dev.tenax.ConcurrencyLimit;
import dev.tenax.RetryBudget;
import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The recipes of docs/recipes.md, compiled and run. */
@ResourceLock("dev.tenax.Tenax")
class RecipesGuideTest {
    private final VirtualTime time = VirtualTime.install();

    private Tenax.Handle testing = () -> {};

    @AfterEach
    void realTime() {
        testing.close();
        time.close();
    }

    /** An inventory service whose first call for each SKU fails; counts how many calls run at once. */
    static final class Inventory {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final java.util.Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();

        String fetch(String sku) throws IOException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                if (calls.computeIfAbsent(sku, k -> new AtomicInteger()).incrementAndGet() == 1) {
                    throw new IOException("busy");
                }
                return sku + ": 7 in stock";
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    // region recipe-acquire
    /** Takes a permit; an interrupt becomes the InterruptedIOException the policy does not retry. */
    static void acquire(Semaphore permits) throws InterruptedIOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a permit");
        }
    }
    // endregion

    @Test
    void builtInConcurrencyLimit() throws Exception {
        // region recipe-builtin-limit
        ConcurrencyLimit fourAtATime = ConcurrencyLimit.of(4); // shared by everything it should bound together
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .name("inventory")
                .concurrencyLimit(fourAtATime)
                .build();
        HttpRetryPolicy http =
                HttpRetryPolicy.builder().concurrencyLimit(fourAtATime).build();

        CompletableFuture<String> stock = policy.callAsync(() -> CompletableFuture.completedFuture("12 in stock"));
        // endregion
        assertThat(stock.get()).isEqualTo("12 in stock");
        assertThat(http.attempts()).hasValue(10);
        assertThat(fourAtATime.available()).isEqualTo(4);
    }

    @Test
    void concurrencyLimit() throws Exception {
        // 16 callers at once: testing mode (no waits, no deadline), not one virtual clock that all their waits push
        time.close();
        testing = Tenax.setTesting(true, 3, false);
        Inventory inventory = new Inventory();
        AtomicInteger permitsHeldDuringWaits = new AtomicInteger();
        // region recipe-concurrency-limit
        Semaphore permits = new Semaphore(4); // at most 4 attempts in flight, retries included
        RetryPolicy policy = RetryPolicy.onIf(e -> e instanceof IOException && !(e instanceof InterruptedIOException))
                .name("inventory")
                .build();

        Callable fetch = sku -> policy.call(() -> {
            acquire(permits); // taken for one attempt...
            try {
                return inventory.fetch(sku);
            } finally {
                permits.release(); // ...and given back before any wait
            }
        });
        // endregion
        // the listener runs on the waiting caller's thread: it must hold no permit then
        ThreadLocal<Boolean> holdsPermit = ThreadLocal.withInitial(() -> false);
        RetryPolicy watched = policy.toBuilder()
                .listener(d -> {
                    if (holdsPermit.get()) {
                        permitsHeldDuringWaits.incrementAndGet();
                    }
                })
                .build();
        Callable watchedFetch = sku -> watched.call(() -> {
            acquire(permits);
            holdsPermit.set(true);
            try {
                return inventory.fetch(sku);
            } finally {
                holdsPermit.set(false);
                permits.release();
            }
        });

        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String sku = "sku-" + i;
                Callable chosen = i % 2 == 0 ? fetch : watchedFetch;
                results.add(callers.submit(() -> chosen.call(sku)));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).endsWith("7 in stock");
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(inventory.maxInFlight).hasValueLessThanOrEqualTo(4);
        assertThat(inventory.calls.values()).allMatch(c -> c.get() == 2);
        assertThat(permits.availablePermits()).isEqualTo(4);
        assertThat(permitsHeldDuringWaits)
                .as("retries announced while the caller held a permit")
                .hasValue(0);
    }

    /** Fetches the stock of one SKU. */
    @FunctionalInterface
    interface Callable {
        String call(String sku) throws IOException;
    }

    @Test
    void batchWithPartialSuccess() {
        List<String> ids = List.of("u1", "u2", "u3");
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(3).build();
        // region recipe-batch
        BatchResult<String, String> users = policy.callAllAsync(ids, id -> fetchUserAsync(id))
                .join(); // completes when every id has succeeded or given up

        users.successes().forEach((id, user) -> System.out.println(id + " -> " + user));
        users.failures().forEach((id, failure) -> System.out.println(id + " unavailable: " + failure));
        // endregion

        assertThat(users.successes()).containsOnlyKeys("u1", "u3");
        assertThat(users.failures()).containsOnlyKeys("u2");
    }

    private static CompletionStage<String> fetchUserAsync(String id) {
        return id.equals("u2")
                ? CompletableFuture.failedFuture(new IOException("user service down for " + id))
                : CompletableFuture.completedFuture("user " + id);
    }

    record Page(String json, int next) {}

    /** A paginated API whose every page fails once before it is served. */
    static final class PagedApi {
        final List<Integer> attempts = new ArrayList<>();

        Page fetchPage(int page) throws IOException {
            attempts.add(page);
            if (attempts.stream().filter(p -> p == page).count() == 1) {
                throw new IOException("page " + page + ": connection reset");
            }
            return new Page("{\"page\":" + page + "}", page < 3 ? page + 1 : 0);
        }
    }

    @Test
    void resilientPoller(@TempDir Path outputDir) throws IOException {
        PagedApi api = new PagedApi();
        // region recipe-poller
        RetryPolicy policy = RetryPolicy.on(IOException.class).name("poller").build();

        int page = 1;
        while (page > 0) {
            int current = page;
            Page body = policy.call(() -> api.fetchPage(current)); // only this page is retried
            Path file = outputDir.resolve("page-" + current + ".json");
            Path partial = Files.writeString(outputDir.resolve("page-" + current + ".json.tmp"), body.json());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE); // saved before the next page is fetched
            page = body.next();
        }
        // endregion

        assertThat(api.attempts).containsExactly(1, 1, 2, 2, 3, 3);
        try (var files = Files.list(outputDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("page-1.json", "page-2.json", "page-3.json");
        }
    }

    @Test
    void requestScopedBudget() {
        RetryPolicy usersPolicy =
                RetryPolicy.on(IOException.class).name("users").build();
        RetryPolicy ordersPolicy =
                RetryPolicy.on(IOException.class).name("orders").build();
        AtomicInteger userCalls = new AtomicInteger();
        AtomicInteger orderCalls = new AtomicInteger();
        FlakyService userService = id -> {
            if (userCalls.incrementAndGet() <= 3) {
                throw new IOException("users: timeout");
            }
            return "user " + id;
        };
        FlakyService orderService = id -> {
            orderCalls.incrementAndGet();
            throw new IOException("orders: reset");
        };
        String id = "42";

        assertThatThrownBy(() -> {
                    // region recipe-request-budget
                    // one incoming request: its downstream calls share 3 retries and 5 s of waiting in all
                    RetryBudget budget = RetryBudget.perRequest(3, Duration.ofSeconds(5));
                    RetryPolicy users = usersPolicy.toBuilder().budget(budget).build();
                    RetryPolicy orders = ordersPolicy.toBuilder().budget(budget).build();

                    String user = users.call(() -> userService.fetch(id));
                    String orderList = orders.call(() -> orderService.fetch(id)); // no retries left
                    // endregion
                    assertThat(user + orderList).isNotEmpty();
                })
                .hasMessage("orders: reset");

        assertThat(userCalls).hasValue(4);
        assertThat(orderCalls).hasValue(1);
    }

    /** A downstream service. */
    @FunctionalInterface
    interface FlakyService {
        String fetch(String id) throws IOException;
    }
}
