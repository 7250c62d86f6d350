package dev.tenax.testing;

import dev.tenax.Tenax;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link TenaxTesting}: switches testing mode on before each test and restores the previous
 * state after it. Registered by the annotation; not meant to be used directly.
 */
@SuppressWarnings("exports") // JUnit is an optional dependency: only JUnit users load this type
public final class TenaxTestingExtension implements BeforeEachCallback, AfterEachCallback {
    /** The resource lock that annotated tests hold, so parallel tests never share the global toggle. */
    public static final String LOCK = "dev.tenax.Tenax";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TenaxTestingExtension.class);

    /** Creates the extension; JUnit does this. */
    public TenaxTestingExtension() {}

    @Override
    public void beforeEach(ExtensionContext context) {
        TenaxTesting settings = find(context.getElement())
                .or(() -> context.getTestClass().flatMap(TenaxTestingExtension::find))
                .orElseThrow(() -> new IllegalStateException("@TenaxTesting not found on " + context.getDisplayName()));
        Tenax.Handle handle = Tenax.setTesting(true, settings.attempts(), settings.cap());
        context.getStore(NAMESPACE).put(context.getUniqueId(), handle);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Tenax.Handle handle = context.getStore(NAMESPACE).remove(context.getUniqueId(), Tenax.Handle.class);
        if (handle != null) {
            handle.close();
        }
    }

    private static Optional<TenaxTesting> find(Optional<? extends AnnotatedElement> element) {
        return AnnotationSupport.findAnnotation(element, TenaxTesting.class);
    }

    private static Optional<TenaxTesting> find(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, TenaxTesting.class);
    }
}
