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
 * state after it. The settings come from the nearest annotation: the test method's, else its class's, else the
 * enclosing classes' of a {@code @Nested} class, innermost first. Registered by the annotation; not meant to be
 * used directly.
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
        TenaxTesting settings = nearest(context)
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

    /**
     * The annotation nearest to the test: on the method, else on its class, else on the classes a {@code @Nested}
     * class is enclosed in, innermost first (JUnit's contexts mirror that nesting). Superclasses and
     * meta-annotations count at each level.
     */
    private static Optional<TenaxTesting> nearest(ExtensionContext context) {
        Optional<ExtensionContext> level = Optional.of(context);
        while (level.isPresent()) {
            Optional<TenaxTesting> found = find(level.get().getElement());
            if (found.isPresent()) {
                return found;
            }
            level = level.get().getParent();
        }
        return Optional.empty();
    }

    private static Optional<TenaxTesting> find(Optional<? extends AnnotatedElement> element) {
        return AnnotationSupport.findAnnotation(element, TenaxTesting.class);
    }
}
