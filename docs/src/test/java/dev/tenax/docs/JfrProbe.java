package dev.tenax.docs;

import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Started by {@link ModulePathTest} in a JVM of its own, with Tenax core on the module path: makes one call that
 * is retried once, so that every default listener fires, then prints the default listeners' classes.
 */
public final class JfrProbe {
    private JfrProbe() {}

    public static void main(String[] args) {
        AtomicInteger calls = new AtomicInteger();
        try (Tenax.Handle testing = Tenax.setTesting(true, 2, false)) {
            String result = RetryPolicy.on(IllegalStateException.class)
                    .name("probe")
                    .build()
                    .call(() -> {
                        if (calls.incrementAndGet() == 1) {
                            throw new IllegalStateException("first attempt fails");
                        }
                        return "ok";
                    });
            System.out.println("result " + result + " after " + calls.get() + " attempts");
        }
        for (RetryListener listener : Tenax.listeners()) {
            System.out.println("listener " + listener.getClass().getSimpleName());
        }
        System.out.println("module " + RetryPolicy.class.getModule().getName());
    }
}
