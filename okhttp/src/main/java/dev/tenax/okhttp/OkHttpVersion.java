package dev.tenax.okhttp;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Warns once, when the first interceptor or call factory is made, if the OkHttp classes loaded are not OkHttp 5's:
 * a dependency that asks for OkHttp 4 (Retrofit 3.0.0 asks for {@code okhttp:4.12.0}) puts a second OkHttp on the
 * class path beside {@code okhttp-jvm:5.x}, and when Maven picks 4.x classes first, calls fail later with
 * {@code NoSuchMethodError}.
 */
final class OkHttpVersion {
    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private OkHttpVersion() {}

    /** Logs the warning at most once per class loader, and only if there is one to give. */
    static void checkOnce() {
        if (CHECKED.compareAndSet(false, true)) {
            String warning = warning(loaded());
            if (warning != null) {
                System.getLogger("dev.tenax").log(Level.WARNING, warning);
            }
        }
    }

    /**
     * The version of the OkHttp classes loaded, read when asked: {@code OkHttp.VERSION} is a compile-time
     * constant, so a plain reference would give the version Tenax was compiled against.
     */
    static @Nullable String loaded() {
        try {
            Object version = Class.forName("okhttp3.OkHttp", false, OkHttpVersion.class.getClassLoader())
                    .getField("VERSION")
                    .get(null);
            return version instanceof String s ? s : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** The warning for {@code version}, or {@code null} when it is OkHttp 5 or later (or unknown). */
    static @Nullable String warning(@Nullable String version) {
        if (version == null) {
            return null;
        }
        int dot = version.indexOf('.');
        int major;
        try {
            major = Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;
        }
        if (major >= 5) {
            return null;
        }
        return "tenax.okhttp_version OkHttp " + version + " is loaded, but Tenax needs OkHttp 5"
                + " (com.squareup.okhttp3:okhttp-jvm): another dependency, such as Retrofit 3.0.0, brings"
                + " com.squareup.okhttp3:okhttp " + version + "; exclude it from that dependency (docs/okhttp.md)";
    }
}
