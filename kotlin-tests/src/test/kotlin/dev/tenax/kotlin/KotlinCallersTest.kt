package dev.tenax.kotlin

import dev.tenax.RetryPolicy
import dev.tenax.Tenax
import dev.tenax.http.HttpRetryPolicy
import dev.tenax.okhttp.RetryInterceptor
import java.io.IOException
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicInteger
import mockwebserver3.MockResponse
import mockwebserver3.MockWebServer
import okhttp3.OkHttpClient
import okhttp3.Request
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

data class User(val id: String)

/** Fails with an IOException until its third call. */
class FlakyUsers {
    val calls = AtomicInteger()

    fun fetchUser(id: String): User {
        if (calls.incrementAndGet() < 3) throw IOException("connection reset")
        return User(id)
    }
}

/** The Java API as Kotlin callers use it, compiled by kotlinc in every build. */
class KotlinCallersTest {
    private var testing: Tenax.Handle? = null
    private val client = FlakyUsers()
    private val id = "42"

    @BeforeEach
    fun instant() {
        testing = Tenax.setTesting(true, 5, false) // every policy: 5 attempts, no waits
    }

    @AfterEach
    fun restore() {
        testing?.close()
    }

    @Test
    fun callThePolicyLikeAFunction() {
        // region kotlin-invoke
        val policy = RetryPolicy.on(IOException::class.java)
            .attempts(5)
            .timeout(Duration.ofSeconds(10))
            .name("fetch-user")
            .build()

        val user = policy { client.fetchUser(id) } // a User; when it gives up, it throws the last failure
        policy { println("sent") } // a block without a result
        // endregion

        assertThat(user).isEqualTo(User("42"))
        assertThat(client.calls).hasValue(3)
    }

    @Test
    fun callWithTheExceptionTypeNamed() {
        val policy = RetryPolicy.on(IOException::class.java).attempts(5).build()

        // region kotlin-call
        val user: User = policy.call<User, Exception> { client.fetchUser(id) }
        policy.run<Exception> { client.fetchUser(id) }
        // endregion

        assertThat(user).isEqualTo(User("42"))
        assertThat(client.calls).hasValue(4)
    }

    @Test
    fun givingUpRethrowsTheLastException() {
        val policy = RetryPolicy.on(IOException::class.java).attempts(5).build()
        val attempts = AtomicInteger()

        assertThatThrownBy { policy<User> { throw IOException("down " + attempts.incrementAndGet()) } }
            .isInstanceOf(IOException::class.java)
            .hasMessage("down 5")
            .hasSuppressedException(IOException("down 1"))
    }

    @Test
    fun callAsyncNeedsNoTypeArguments() {
        val policy = RetryPolicy.on(IOException::class.java).attempts(5).build()

        // region kotlin-call-async
        val user: CompletableFuture<User> = policy.callAsync {
            CompletableFuture.supplyAsync { client.fetchUser(id) }
        }
        // endregion

        assertThat(user.join()).isEqualTo(User("42"))
    }

    @Test
    fun okHttpFromKotlin() {
        MockWebServer().use { server ->
            server.start()
            server.enqueue(MockResponse.Builder().code(503).build())
            server.enqueue(MockResponse.Builder().code(200).body("{}").build())
            val url = server.url("/users/42").toString()

            // region kotlin-okhttp
            val policy = HttpRetryPolicy.builder().attempts(5).timeout(Duration.ofSeconds(10)).build()
            val http = RetryInterceptor.install(OkHttpClient.Builder(), policy).build()

            http.newCall(Request.Builder().url(url).build()).execute().use { response ->
                println(response.code) // 200 after a retry
            }
            // endregion

            assertThat(server.requestCount).isEqualTo(2)
            http.dispatcher.executorService.shutdown()
        }
    }
}
