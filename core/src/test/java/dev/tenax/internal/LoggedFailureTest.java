package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LoggedFailureTest {
    @Test
    void aCycleOfCausesAndSuppressedIsCopiedOnceEach() {
        IOException a = new IOException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        a.addSuppressed(a.getCause());

        Throwable copy = LoggedFailure.of(a);

        assertThat(copy.toString()).isEqualTo("java.io.IOException: a");
        Throwable cause = java.util.Objects.requireNonNull(copy.getCause());
        assertThat(cause.toString()).isEqualTo("java.lang.IllegalStateException: b");
        assertThat(cause.getCause()).isSameAs(copy);
        assertThat(copy.getSuppressed()).singleElement().isSameAs(cause);
    }

    @Test
    void aFailureWhoseGettersThrowStillGivesACopy() {
        IOException hostile = new IOException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no message for you");
            }

            @Override
            public StackTraceElement[] getStackTrace() {
                throw new IllegalStateException("no trace either");
            }
        };

        Throwable copy = LoggedFailure.of(hostile);

        assertThat(copy.toString()).startsWith("dev.tenax.internal.LoggedFailureTest$");
    }

    @Test
    void aMessageCannotFakeAnotherLogLine() {
        Throwable copy = LoggedFailure.of(new IOException("boom\nINFO: all good"));

        assertThat(copy.toString()).doesNotContain("\n");
    }

    @Test
    void aDeepChainIsCopiedTo32CausesAndAWideOneTo16Suppressed() {
        Throwable deep = new IOException("0");
        for (int i = 1; i <= 40; i++) {
            deep = new IOException(Integer.toString(i), deep);
        }
        IOException wide = new IOException("wide");
        for (int i = 0; i < 20; i++) {
            wide.addSuppressed(new IOException("s" + i));
        }

        int depth = 0;
        for (Throwable t = LoggedFailure.of(deep); t.getCause() != null; t = t.getCause()) {
            depth++;
        }
        assertThat(depth).isEqualTo(32);
        assertThat(LoggedFailure.of(wide).getSuppressed()).hasSize(16);
    }

    @Test
    void noMessageGivesTheClassAlone() {
        assertThat(LoggedFailure.of(new IOException()).toString()).isEqualTo("java.io.IOException");
    }
}
