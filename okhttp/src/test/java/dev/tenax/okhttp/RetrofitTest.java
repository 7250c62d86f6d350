package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/** RetryingCallFactory as Retrofit's call factory (Retrofit 3.0.0 on OkHttp 5). */
@ResourceLock("dev.tenax.Tenax")
class RetrofitTest {
    interface Api {
        @GET("/greeting")
        Call<ResponseBody> greeting();
    }

    private final MockWebServer server = new MockWebServer();
    private VirtualTime time = VirtualTime.install();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        time.close();
        time = VirtualTime.install();
    }

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    private Api api() {
        return new Retrofit.Builder()
                .baseUrl(server.url("/"))
                .callFactory(RetryingCallFactory.create(
                        new OkHttpClient(),
                        HttpRetryPolicy.builder()
                                .budget(RetryBudget.unlimited())
                                .build()))
                .build()
                .create(Api.class);
    }

    @Test
    void retrofitCallsAreRetriedWhenExecuted() throws IOException {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("hello").build());

        Response<ResponseBody> response = api().greeting().execute();

        assertThat(response.code()).isEqualTo(200);
        try (ResponseBody body = response.body()) {
            assertThat(body).isNotNull();
            assertThat(body.string()).isEqualTo("hello");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retrofitCallsAreRetriedWhenEnqueued() throws Exception {
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(new MockResponse.Builder().code(200).body("hello").build());
        CompletableFuture<String> result = new CompletableFuture<>();

        api().greeting().enqueue(new Callback<>() {
            @Override
            public void onResponse(Call<ResponseBody> call, Response<ResponseBody> response) {
                try (ResponseBody body = response.body()) {
                    result.complete(response.code() + " " + (body == null ? "" : body.string()));
                } catch (IOException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Call<ResponseBody> call, Throwable t) {
                result.completeExceptionally(t);
            }
        });

        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("200 hello");
        assertThat(time.waits()).hasSize(1);
    }
}
