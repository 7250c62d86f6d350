package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.testing.TenaxTesting;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** README's example, compiled and run. */
@ResourceLock("dev.tenax.Tenax")
class ReadmeExampleTest {
    record User(String id) {}

    /** A client whose first call fails. */
    static final class FlakyUserClient {
        final AtomicInteger calls = new AtomicInteger();

        User fetchUser(String id) throws IOException {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("connection reset");
            }
            return new User(id);
        }
    }

    @Test
    @TenaxTesting(attempts = 5, cap = true)
    void readme() throws IOException {
        FlakyUserClient client = new FlakyUserClient();
        String id = "42";
        // region readme-example
        RetryPolicy policy = RetryPolicy.on(IOException.class) // retry only what you name
                .attempts(5) // at most 5 attempts...
                .timeout(Duration.ofSeconds(10)) // ...and at most 10 s in all
                .name("fetch-user")
                .build();

        User user = policy.call(() -> client.fetchUser(id)); // rethrows the last IOException when it gives up
        // endregion

        assertThat(user).isEqualTo(new User("42"));
        assertThat(client.calls).hasValue(2);
    }

    @Test
    void readmeTesting() {
        // region readme-testing
        try (Tenax.Handle testing = Tenax.setTesting(true, 3, false)) {
            // in tests: every policy makes exactly 3 attempts, without waiting
        }
        // endregion
        assertThat(Tenax.isTesting()).isFalse();
    }
}
