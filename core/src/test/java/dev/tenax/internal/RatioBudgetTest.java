package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RatioBudgetTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final RatioBudget budget = new RatioBudget(0.2, 10, Duration.ofSeconds(10), clock::get);

    /** One logical request that fails every attempt, up to 10 attempts; returns the attempts made. */
    private int outageRequest(String host) {
        budget.onRequest(host);
        int attempts = 1;
        while (attempts < 10 && budget.tryAcquireRetry(host, Duration.ZERO)) {
            attempts++;
        }
        return attempts;
    }

    @Test
    void aFullOutageIsAmplifiedByAtMostTheRatioPlusTheFloor() {
        // given: 1,000 requests over 20 s (one every 20 ms), every attempt failing
        long retries = 0;
        for (int i = 0; i < 1_000; i++) {
            retries += outageRequest("api") - 1;
            clock.addAndGet(Duration.ofMillis(20).toNanos());
        }

        // then: retries <= 20 % of requests + floor (10/s) x elapsed (20 s)
        double amplification = (1_000 + retries) / 1_000.0;
        assertThat(retries).isLessThanOrEqualTo((long) (0.2 * 1_000 + 10 * 20));
        assertThat(amplification).isLessThanOrEqualTo(1.4);
        System.out.printf("full outage: 1000 requests, %d retries, amplification %.3f%n", retries, amplification);
    }

    @Test
    void aLongOutageConvergesToTwentyPercent() {
        // 1,000 requests per second for a minute: the floor (10/s) becomes small beside 20 % (200/s)
        long retries = 0;
        int requests = 60_000;
        for (int i = 0; i < requests; i++) {
            retries += outageRequest("api") - 1;
            clock.addAndGet(Duration.ofMillis(1).toNanos());
        }
        double amplification = (requests + retries) / (double) requests;

        assertThat(amplification).isLessThanOrEqualTo(1.21);
        System.out.printf(
                "long outage: %d requests, %d retries, amplification %.3f%n", requests, retries, amplification);
    }

    @Test
    void fewRandomFailuresAreNeverDenied() {
        Random random = new Random(5);
        int denied = 0;
        for (int i = 0; i < 10_000; i++) {
            budget.onRequest("api");
            if (random.nextDouble() < 0.05 && !budget.tryAcquireRetry("api", Duration.ZERO)) {
                denied++;
            }
            clock.addAndGet(Duration.ofMillis(5).toNanos());
        }

        assertThat(denied).isZero();
    }

    @Test
    void hostsHaveSeparateBudgets() {
        for (int i = 0; i < 500; i++) {
            outageRequest("down.example");
        }

        assertThat(budget.tryAcquireRetry("down.example", Duration.ZERO)).isFalse();
        budget.onRequest("up.example");
        assertThat(budget.tryAcquireRetry("up.example", Duration.ZERO)).isTrue();
    }

    @Test
    void theBudgetRecoversAfterTheWindow() {
        for (int i = 0; i < 500; i++) {
            outageRequest("api");
        }
        assertThat(budget.tryAcquireRetry("api", Duration.ZERO)).isFalse();

        clock.addAndGet(Duration.ofSeconds(11).toNanos());

        assertThat(budget.tryAcquireRetry("api", Duration.ZERO)).isTrue();
    }

    @Test
    void concurrentWithdrawalsNeverOverdraw() throws Exception {
        // 8 threads hammer one host with a frozen clock: exactly the floor (100) plus 20 % of 1,000 requests
        for (int i = 0; i < 1_000; i++) {
            budget.onRequest("api");
        }
        int total = Concurrently.countGrants(8, 1_000, () -> budget.tryAcquireRetry("api", Duration.ZERO));

        assertThat(total).isEqualTo(300);
    }

    @Test
    void theMapOfHostsIsBounded() {
        for (int i = 0; i < 5 * RatioBudget.MAX_KEYS; i++) {
            budget.onRequest("host-" + i);
        }
        assertThat(budget.keys()).isLessThanOrEqualTo(RatioBudget.MAX_KEYS + 1);

        // idle hosts are dropped once a window has passed
        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        budget.onRequest("fresh");
        assertThat(budget.keys()).isLessThanOrEqualTo(2);
    }

    @Test
    void newKeysPastTheLimitScanTheMapAtMostOncePerSlot() {
        // Regression, issue 12: once 1,024 keys were busy, every new key scanned the whole map again
        for (int i = 0; i < RatioBudget.MAX_KEYS; i++) {
            budget.onRequest("busy-" + i);
        }
        long before = budget.scans();

        for (int i = 0; i < 10_000; i++) {
            budget.onRequest("new-" + i);
            budget.tryAcquireRetry("new-" + i, Duration.ZERO);
        }

        assertThat(budget.scans() - before).isEqualTo(1);
        assertThat(budget.keys()).isEqualTo(RatioBudget.MAX_KEYS + 1); // the busy keys and the overflow key

        // later within the same slot: still no second scan
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        budget.onRequest("later");
        assertThat(budget.scans() - before).isEqualTo(1);

        // a slot (1 s) later the map may be scanned once more; the busy keys are not idle, so nothing is dropped
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        for (int i = 0; i < 10_000; i++) {
            budget.onRequest("newer-" + i);
        }
        assertThat(budget.scans() - before).isEqualTo(2);
        assertThat(budget.keys()).isEqualTo(RatioBudget.MAX_KEYS + 1);
    }

    @Test
    void pastTheLimitNewKeysShareOneOverflowBudget() {
        for (int i = 0; i < RatioBudget.MAX_KEYS; i++) {
            budget.onRequest("busy-" + i);
        }
        // a failing host beyond the limit drains the overflow budget (floor 100 + 20 % of its requests) ...
        for (int i = 0; i < 500; i++) {
            outageRequest("down.example");
        }

        // ... which every other host beyond the limit shares
        budget.onRequest("other.example");
        assertThat(budget.tryAcquireRetry("other.example", Duration.ZERO)).isFalse();
        // while a key that was tracked before the limit keeps its own
        assertThat(budget.tryAcquireRetry("busy-7", Duration.ZERO)).isTrue();
    }

    @Test
    void anIdleKeyIsDroppedOnceAWindowHasPassedMakingRoomForANewOne() {
        for (int i = 0; i < RatioBudget.MAX_KEYS; i++) {
            budget.onRequest("host-" + i);
        }
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        for (int i = 1; i < RatioBudget.MAX_KEYS; i++) {
            budget.onRequest("host-" + i); // all but host-0 stay busy
        }
        clock.addAndGet(Duration.ofSeconds(6).toNanos());

        budget.onRequest("fresh");

        assertThat(budget.keys()).isEqualTo(RatioBudget.MAX_KEYS);
        budget.onRequest("fresh");
        assertThat(budget.tryAcquireRetry("fresh", Duration.ZERO))
                .as("its own budget, not the overflow")
                .isTrue();
    }

    @Test
    void requestsInEverySlotOfTheWindowCount() {
        // slots other than the first: 500 requests, a second later 500 more, then withdraw a second later
        clock.addAndGet(Duration.ofMillis(3_500).toNanos());
        for (int i = 0; i < 500; i++) {
            budget.onRequest("api");
        }
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        for (int i = 0; i < 500; i++) {
            budget.onRequest("api");
        }
        clock.addAndGet(Duration.ofSeconds(1).toNanos());

        int granted = 0;
        while (budget.tryAcquireRetry("api", Duration.ZERO)) {
            granted++;
        }

        assertThat(granted).as("floor 100 + 20 %% of 1,000").isEqualTo(300);
    }

    @Test
    void describesItself() {
        assertThat(budget.toString()).isEqualTo("RetryBudget.ratio(0.2, 10/s, PT10S)");
    }
}
