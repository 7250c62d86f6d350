package dev.tenax.okhttp;

import dev.tenax.http.spi.HttpAttemptContext;
import dev.tenax.http.spi.HttpRetryDriver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.jvm.functions.Function0;
import kotlin.reflect.KClass;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * One logical call of {@link RetryingCallFactory}: each attempt is a fresh call of the client, limited to the
 * attempt's time; this call's {@link #timeout()} (the client's {@code callTimeout} unless the user sets it) bounds
 * the whole call once, as OkHttp's own {@code Call} does; {@code enqueue} schedules retries instead of sleeping and
 * delivers the callback on a Dispatcher thread; {@code cancel} reaches the attempt in flight and the pending wait.
 */
final class RetryingCall implements Call {

    private final OkHttpClient client;
    private final Policies policies;
    private final Request request;
    private final Timeout timeout;
    private final AtomicBoolean executed = new AtomicBoolean();
    private final AtomicBoolean canceled = new AtomicBoolean();
    private final AtomicReference<@Nullable Call> current = new AtomicReference<>();
    private final AtomicReference<@Nullable CompletableFuture<Response>> pending = new AtomicReference<>();
    private final List<EventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Object> tags = new ConcurrentHashMap<>();
    private final Delivery delivery;
    /** Shared by every attempt call, so that this call's failures are classified with what its attempt met. */
    private final RetryAfterGuard.Managed managed = new RetryAfterGuard.Managed();

    RetryingCall(OkHttpClient client, Policies policies, Request request) {
        this.client = client;
        this.policies = policies;
        this.request = request;
        this.delivery = new Delivery(client.dispatcher(), canceled);
        this.timeout = new Timeout().timeout(client.callTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public Response execute() throws IOException {
        markExecuted();
        OkRequestInfo info = new OkRequestInfo(request, this);
        return HttpRetryDriver.execute(policies.of(request), info, OkResponses.INSTANCE, new OkFailures(this), c -> {
            Call attempt = newAttempt(OkHeaders.withAttemptNumber(info.current(), c), c.timeoutNanos());
            return info.answeredBy(RetryAfterGuard.restore(managed, attempt.execute()));
        });
    }

    @Override
    public void enqueue(Callback callback) {
        markExecuted();
        OkRequestInfo info = new OkRequestInfo(request, this);
        CompletableFuture<Response> result = HttpRetryDriver.executeAsync(
                policies.of(request), info, OkResponses.INSTANCE, new OkFailures(this), c -> startAttempt(info, c));
        pending.set(result);
        if (canceled.get()) {
            result.cancel(true);
        }
        // the callback is the end of the line: nothing reads the dependent future
        CompletableFuture<Response> unused =
                result.whenComplete((response, failure) -> delivery.deliver(this, callback, response, failure));
    }

    private CompletableFuture<Response> startAttempt(OkRequestInfo info, HttpAttemptContext context) {
        Call attempt = newAttempt(OkHeaders.withAttemptNumber(info.current(), context), context.timeoutNanos());
        CompletableFuture<Response> outcome = new CompletableFuture<>();
        attempt.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                Delivery.onDispatcherThread(() -> outcome.completeExceptionally(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                Response restored = info.answeredBy(RetryAfterGuard.restore(managed, response));
                Delivery.onDispatcherThread(() -> {
                    if (!outcome.complete(restored)) {
                        response.close();
                    }
                });
            }
        });
        // cancelling the attempt's future (the engine does, when this call is cancelled) cancels the OkHttp call
        CompletableFuture<Response> unused = outcome.whenComplete((response, failure) -> {
            if (outcome.isCancelled()) {
                attempt.cancel();
            }
        });
        return outcome;
    }

    /** A call of the client for one attempt, limited to the attempt's time (not the client's callTimeout again). */
    private Call newAttempt(Request hop, long timeoutNanos) {
        Call attempt = client.newCall(hop);
        OkTimeouts.bound(attempt, timeoutNanos);
        managed.attemptStarts();
        attempt.tag(RetryAfterGuard.Managed.class, () -> managed);
        for (EventListener listener : eventListeners) {
            attempt.addEventListener(listener);
        }
        current.set(attempt);
        if (canceled.get()) {
            attempt.cancel();
        }
        return attempt;
    }

    private void markExecuted() {
        if (!executed.compareAndSet(false, true)) {
            throw new IllegalStateException("Already Executed");
        }
    }

    @Override
    public void cancel() {
        if (canceled.getAndSet(true)) {
            return;
        }
        Call attempt = current.get();
        if (attempt != null) {
            attempt.cancel();
        }
        CompletableFuture<Response> result = pending.get();
        if (result != null) {
            result.cancel(true);
        }
    }

    @Override
    public boolean isExecuted() {
        return executed.get();
    }

    @Override
    public boolean isCanceled() {
        return canceled.get();
    }

    @Override
    public Timeout timeout() {
        return timeout;
    }

    @Override
    public void addEventListener(EventListener listener) {
        eventListeners.add(listener);
    }

    @Override
    public <T> @Nullable T tag(KClass<T> type) {
        return tag(JvmClassMappingKt.getJavaClass(type));
    }

    @Override
    public <T> @Nullable T tag(Class<? extends T> type) {
        Object tag = type == RetryAfterGuard.Managed.class ? managed : tags.get(type);
        if (tag == null) {
            tag = request.tag(type);
        }
        return type.isInstance(tag) ? type.cast(tag) : null;
    }

    @Override
    public <T> T tag(KClass<T> type, Function0<? extends T> computeIfAbsent) {
        return tag(JvmClassMappingKt.getJavaClass(type), computeIfAbsent);
    }

    @Override
    public <T> T tag(Class<T> type, Function0<? extends T> computeIfAbsent) {
        T existing = tag(type);
        if (existing != null) {
            return existing;
        }
        return type.cast(tags.computeIfAbsent(type, k -> computeIfAbsent.invoke()));
    }

    @Override
    public Call clone() {
        return new RetryingCall(client, policies, request);
    }

    @Override
    public String toString() {
        return "RetryingCall[" + request.method() + " " + request.url().redact() + "]";
    }
}
