package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.EventRecorder;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's events precede the caller's future even when the response arrives before the thread that started
 * the attempt has followed it (CI, under load: the give-up was recorded just after the caller had the 503). An
 * element below Tenax's holds that thread until the caller's future completes, so the race is not left to chance.
 */
class EventsBeforeTheFutureTest {
    private final MockWebServer server = new MockWebServer();
    private final EventRecorder events = new EventRecorder();
    private final List<GiveUpDetails> giveUps = events.giveUps();
    private final CountDownLatch callerDone = new CountDownLatch(1);
    private final AtomicInteger giveUpsSeenByTheCaller = new AtomicInteger(-1);
    private @Nullable CloseableHttpAsyncClient client;

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close(CloseMode.IMMEDIATE);
        }
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", ""})
    void theGiveUpIsToldBeforeTheCallerHasTheResponse(String body) throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body(body).build());
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(1)
                .budget(RetryBudget.unlimited())
                .listener(events)
                .build();
        CloseableHttpAsyncClient started = AsyncRetryExecHandler.install(HttpAsyncClients.custom(), policy)
                .addExecInterceptorAfter(ChainElement.RETRY.name(), "hold-the-starting-thread", holdUntilCallerDone())
                .build();
        client = started;
        started.start();

        SimpleHttpResponse response = started.execute(
                        SimpleRequestProducer.create(
                                SimpleRequestBuilder.get(server.url("/").uri()).build()),
                        SimpleResponseConsumer.create(),
                        new FutureCallback<>() {
                            @Override
                            public void completed(SimpleHttpResponse result) {
                                giveUpsSeenByTheCaller.set(giveUps.size());
                                callerDone.countDown();
                            }

                            @Override
                            public void failed(Exception ex) {
                                callerDone.countDown();
                            }

                            @Override
                            public void cancelled() {
                                callerDone.countDown();
                            }
                        })
                .get(30, TimeUnit.SECONDS);

        assertThat(response.getCode()).isEqualTo(503);
        assertThat(giveUpsSeenByTheCaller).hasValue(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.ATTEMPTS);
    }

    /**
     * Proceeds, then keeps the starting thread from returning to Tenax until the response has been handed on and
     * the caller's future completed (without the fix it completes at once; with it, only after the engine, so the
     * hold ends at its bound).
     */
    private AsyncExecChainHandler holdUntilCallerDone() {
        return (request, entityProducer, scope, chain, callback) -> {
            CountDownLatch handedOn = new CountDownLatch(1);
            chain.proceed(request, entityProducer, scope, new AsyncExecCallback() {
                @Override
                public @Nullable AsyncDataConsumer handleResponse(HttpResponse head, @Nullable EntityDetails entity)
                        throws HttpException, IOException {
                    try {
                        return callback.handleResponse(head, entity);
                    } finally {
                        handedOn.countDown();
                    }
                }

                @Override
                public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
                    callback.handleInformationResponse(response);
                }

                @Override
                public void completed() {
                    callback.completed();
                }

                @Override
                public void failed(Exception cause) {
                    callback.failed(cause);
                }
            });
            try {
                if (handedOn.await(10, TimeUnit.SECONDS)) {
                    boolean unused = callerDone.await(500, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
