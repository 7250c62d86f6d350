package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Issue 16: a policy without a name is named after the class and method that built it, once, at build(). */
@ResourceLock("dev.tenax.Tenax")
class DerivedNameTest {
    private static final RetryPolicy BUILT_IN_A_STATIC_INITIALISER =
            RetryPolicy.on(IOException.class).build();

    private final RetryPolicy builtInAConstructor =
            RetryPolicy.on(IOException.class).build();

    @Test
    void aPolicyIsNamedAfterTheMethodThatBuiltIt() {
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(2).build();

        assertThat(policy.name()).isEqualTo("DerivedNameTest.aPolicyIsNamedAfterTheMethodThatBuiltIt");
    }

    @Test
    void anHttpPolicyToo() {
        HttpRetryPolicy policy = HttpRetryPolicy.builder().attempts(2).build();

        assertThat(policy.name()).isEqualTo("DerivedNameTest.anHttpPolicyToo");
    }

    @Test
    void aConstructorOrAStaticInitialiserGivesTheClass() {
        assertThat(BUILT_IN_A_STATIC_INITIALISER.name()).isEqualTo("DerivedNameTest");
        assertThat(builtInAConstructor.name()).isEqualTo("DerivedNameTest");
    }

    @Test
    void aLambdaGivesTheMethodItIsWrittenIn() {
        Supplier<RetryPolicy> later = () -> RetryPolicy.on(IOException.class).build();

        assertThat(later.get().name()).isEqualTo("DerivedNameTest.aLambdaGivesTheMethodItIsWrittenIn");
    }

    @Test
    void aGivenNameWinsAndSurvivesToBuilder() {
        RetryPolicy named = RetryPolicy.on(IOException.class).name("orders").build();

        assertThat(named.name()).isEqualTo("orders");
        assertThat(Rebuilder.rebuild(named).name()).isEqualTo("orders");
    }

    @Test
    void aDerivedNameIsDerivedAgainWhereAPolicyIsRebuilt() {
        RetryPolicy here = RetryPolicy.on(IOException.class).build();

        assertThat(Rebuilder.rebuild(here).name()).isEqualTo("DerivedNameTest$Rebuilder.rebuild");
    }

    @Test
    void theSharedHttpDefaultsKeepTheirFixedName() {
        assertThat(HttpRetryPolicy.defaults().name()).isEqualTo("http");
    }

    @Test
    void listenersSeeTheDerivedNameAndTheWalkHappensOnceNotPerCall() throws IOException {
        List<String> names = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(2)
                .waitInitial(java.time.Duration.ZERO)
                .waitJitter(java.time.Duration.ZERO)
                .listener(details -> names.add(details.name()))
                .build();
        int[] attempts = {0};

        for (int i = 0; i < 2; i++) {
            Helper.callFailingOnce(policy, attempts);
        }

        assertThat(names)
                .containsExactly(
                        "DerivedNameTest.listenersSeeTheDerivedNameAndTheWalkHappensOnceNotPerCall",
                        "DerivedNameTest.listenersSeeTheDerivedNameAndTheWalkHappensOnceNotPerCall");
    }

    /** Another class: its frames must not rename a policy built before the call. */
    static final class Helper {
        static void callFailingOnce(RetryPolicy policy, int[] attempts) throws IOException {
            policy.call(() -> {
                if (attempts[0]++ % 2 == 0) {
                    throw new IOException("first");
                }
                return "ok";
            });
        }
    }

    /** A site other than the test method. */
    static final class Rebuilder {
        static RetryPolicy rebuild(RetryPolicy policy) {
            return policy.toBuilder().attempts(3).build();
        }
    }
}
