package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12 (adversarial review), defects 11 and 12: operations, rules and budgets that throw
 * pre-allocated exceptions on every call must not make the engine grow those exceptions call after call, nor
 * link them into a cycle.
 *
 * <p>Defect 11: a shared exception thrown by every attempt of 40-attempt calls got one more "omitted" marker per
 * call; a rule or budget throwing a shared exception had it attached to a shared failure once per call.
 *
 * <p>Defect 12: three shared exceptions across three calls closed a cycle through their suppressed lists; a rule
 * that wraps the failure it was asked about ({@code new IllegalStateException("x", failure)}) was attached to that
 * failure, closing a cycle through its cause. Such a fault is only logged.
 */
class SharedExceptionChainTest {
    private static final int CALLS = 100;

    private static RetryPolicy.Builder noWaits(RetryPolicy.Builder builder) {
        return builder.waitInitial(Duration.ZERO).waitMax(Duration.ZERO).waitJitter(Duration.ZERO);
    }

    /** Defect 11: 40 attempts drop 7 failures from the middle of the chain, and say so with a marker. */
    @Test
    void aSharedExceptionThrownByEveryAttemptOfLongCallsCarriesOneOmittedMarker() {
        IOException shared = new IOException("pre-allocated");
        RetryPolicy fortyAttempts =
                noWaits(RetryPolicy.on(IOException.class).attempts(40)).build();

        for (int call = 0; call < CALLS; call++) {
            Throwable thrown = catchThrowable(() -> fortyAttempts.run(() -> {
                throw shared;
            }));
            assertThat(thrown).isSameAs(shared);
        }

        assertThat(shared.getSuppressed())
                .singleElement()
                .satisfies(marker -> assertThat(marker.getMessage()).contains("earlier attempt failures omitted"));
    }

    /** Defect 11. */
    @Test
    void aRuleThatThrowsASharedExceptionIsAttachedToASharedFailureOnce() {
        IOException shared = new IOException("pre-allocated");
        IllegalStateException ruleFault = new IllegalStateException("rule bug");
        RetryPolicy policy = RetryPolicy.onIf(e -> {
                    throw ruleFault;
                })
                .build();

        for (int call = 0; call < CALLS; call++) {
            assertThat(catchThrowable(() -> policy.run(() -> {
                        throw shared;
                    })))
                    .isSameAs(shared);
        }

        assertThat(shared.getSuppressed()).containsExactly(ruleFault);
        assertThat(ruleFault.getSuppressed()).isEmpty();
    }

    /** Defect 11. */
    @Test
    void aBudgetThatThrowsASharedExceptionIsAttachedToASharedFailureOnce() {
        IOException shared = new IOException("pre-allocated");
        IllegalStateException budgetFault = new IllegalStateException("budget bug");
        RetryBudget broken = new RetryBudget() {
            @Override
            public void onRequest(String key) {}

            @Override
            public boolean tryAcquireRetry(String key, Duration wait) {
                throw budgetFault;
            }
        };
        RetryPolicy policy = RetryPolicy.on(IOException.class).budget(broken).build();

        for (int call = 0; call < CALLS; call++) {
            assertThat(catchThrowable(() -> policy.run(() -> {
                        throw shared;
                    })))
                    .isSameAs(shared);
        }

        assertThat(shared.getSuppressed()).containsExactly(budgetFault);
        assertThat(budgetFault.getSuppressed()).isEmpty();
    }

    /** Defect 12: A gets C, C gets B, and B must not get A. */
    @Test
    void threeSharedExceptionsAcrossThreeCallsFormNoCycle() {
        IOException a = new IOException("A");
        IOException b = new IOException("B");
        IOException c = new IOException("C");
        RetryPolicy twoAttempts =
                noWaits(RetryPolicy.on(IOException.class).attempts(2)).build();

        assertThat(failFirstThen(twoAttempts, c, a)).isSameAs(a);
        assertThat(failFirstThen(twoAttempts, b, c)).isSameAs(c);
        assertThat(failFirstThen(twoAttempts, a, b)).isSameAs(b);

        assertThat(a.getSuppressed()).containsExactly(c);
        assertThat(c.getSuppressed()).containsExactly(b);
        assertThat(b.getSuppressed())
                .as("A would close the cycle A -> C -> B -> A")
                .isEmpty();
        assertThat(cycleFrom(a)).isNull();
    }

    /** Defect 12: the rule's fault has the failure as its cause; attaching it would close a cycle. */
    @Test
    void aRuleFaultThatWrapsTheFailureIsLoggedNotAttached() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.onIf(e -> {
                    throw new CannotJudge(e);
                })
                .build();

        Throwable thrown = captureTenaxLog(
                logged,
                () -> catchThrowable(() -> policy.run(() -> {
                    throw new IOException("real");
                })));

        assertThat(thrown).isInstanceOf(IOException.class).hasMessage("real");
        assertThat(thrown.getSuppressed())
                .as("the wrapping fault is not attached")
                .isEmpty();
        assertThat(cycleFrom(thrown)).isNull();
        assertThat(logged)
                .as("the fault is logged")
                .anySatisfy(record -> assertThat(record.getThrown())
                        .isInstanceOf(CannotJudge.class)
                        .cause()
                        .isSameAs(thrown));
    }

    /** A rule's fault of a class of its own: Tenax logs a fault once per class, so this one is logged here. */
    private static final class CannotJudge extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CannotJudge(Throwable failure) {
            super("cannot judge", failure);
        }
    }

    private static Throwable failFirstThen(RetryPolicy policy, IOException first, IOException second) {
        AtomicInteger attempt = new AtomicInteger();
        return catchThrowable(() -> policy.run(() -> {
            throw attempt.incrementAndGet() == 1 ? first : second;
        }));
    }

    /** Runs {@code action} with Tenax's logger at WARNING, collecting what it logs into {@code records}. */
    private static <R> R captureTenaxLog(List<LogRecord> records, java.util.function.Supplier<R> action) {
        Logger logger = Logger.getLogger("dev.tenax");
        Level level = logger.getLevel();
        boolean parents = logger.getUseParentHandlers();
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.WARNING);
        try {
            return action.get();
        } finally {
            logger.setLevel(level);
            logger.setUseParentHandlers(parents);
            logger.removeHandler(handler);
        }
    }

    /** A throwable on a cycle reachable from {@code root} through causes and suppressed, or {@code null}. */
    private static @Nullable Throwable cycleFrom(Throwable root) {
        return cycleFrom(
                root,
                Collections.newSetFromMap(new IdentityHashMap<>()),
                Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static @Nullable Throwable cycleFrom(Throwable t, Set<Throwable> onPath, Set<Throwable> done) {
        if (onPath.contains(t)) {
            return t;
        }
        if (!done.add(t)) {
            return null;
        }
        onPath.add(t);
        List<Throwable> next = new ArrayList<>(List.of(t.getSuppressed()));
        Throwable cause = t.getCause();
        if (cause != null) {
            next.add(cause);
        }
        for (Throwable n : next) {
            Throwable found = cycleFrom(n, onPath, done);
            if (found != null) {
                return found;
            }
        }
        onPath.remove(t);
        return null;
    }
}
