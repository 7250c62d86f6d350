package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.okhttp.RetryingCallFactory;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/** The examples of docs/okhttp.md, compiled and run; each region is a snippet of the guide. */
@ResourceLock("dev.tenax.Tenax")
class OkHttpGuideTest {
    private final MockWebServer server = new MockWebServer();
    private VirtualTime time = VirtualTime.install();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":42}").build());
        time.close();
        time = VirtualTime.install();
    }

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    @Test
    void install() throws IOException {
        String url = server.url("/users/42").toString();
        // region okhttp-install
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(5)
                .timeout(Duration.ofSeconds(10))
                .build();
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();

        try (Response response =
                client.newCall(new Request.Builder().url(url).build()).execute()) {
            System.out.println(response.code() + " " + response.body().string());
        }
        // endregion

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void callFactory() throws IOException {
        OkHttpClient okHttpClient = new OkHttpClient();
        String url = server.url("/users/42").toString();
        // region okhttp-call-factory
        Call.Factory calls = RetryingCallFactory.create(okHttpClient, HttpRetryPolicy.defaults());

        Call call = calls.newCall(new Request.Builder().url(url).build());
        call.enqueue(new okhttp3.Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                response.close(); // a final response: 2xx, or the last retryable one
            }

            @Override
            public void onFailure(Call c, IOException e) {
                // the last transport failure, or "Canceled" after call.cancel()
            }
        });
        // endregion

        call.cancel();
    }

    interface UserApi {
        @GET("/users/42")
        retrofit2.Call<ResponseBody> user();
    }

    @Test
    void retrofit() throws IOException {
        OkHttpClient okHttpClient = new OkHttpClient();
        okhttp3.HttpUrl baseUrl = server.url("/");
        // region okhttp-retrofit
        Retrofit retrofit = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .callFactory(RetryingCallFactory.create(okHttpClient, HttpRetryPolicy.defaults()))
                .build();
        UserApi api = retrofit.create(UserApi.class);
        // endregion

        retrofit2.Response<ResponseBody> response = api.user().execute();
        assertThat(response.code()).isEqualTo(200);
        try (ResponseBody body = response.body()) {
            assertThat(body).isNotNull();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void perRequestPolicy() throws IOException {
        OkHttpClient client = RetryInterceptor.install(new OkHttpClient.Builder(), HttpRetryPolicy.defaults())
                .build();
        String url = server.url("/users/42").toString();
        // region okhttp-per-request
        HttpRetryPolicy noRetries = HttpRetryPolicy.builder().attempts(1).build();
        Request request = new Request.Builder()
                .url(url)
                .tag(HttpRetryPolicy.class, noRetries)
                .build();
        // endregion

        try (Response response = client.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(503);
        }
    }

    @Test
    void callTimeoutIsTheDeadline() throws IOException {
        String url = server.url("/users/42").toString();
        // region okhttp-call-timeout
        OkHttpClient client = RetryInterceptor.install(
                        new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)),
                        HttpRetryPolicy.builder()
                                .budget(RetryBudget.unlimited())
                                .build())
                .build(); // retries stop in time for the 5 s call timeout
        // endregion

        try (Response response =
                client.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }
}
