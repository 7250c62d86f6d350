package dev.tenax.kotlin

import dev.tenax.RetryPolicy

// The Kotlin shape of RetryPolicy.call and run, which Kotlin cannot infer: E appears only in their `throws`
// clause, which Kotlin does not read, so nothing constrains it. Kotlin has no checked exceptions, so E is simply
// Exception. docs/kotlin.md shows these lines for users to copy; they are not published.

// region kotlin-invoke
/** `policy { fetchUser(id) }`: [RetryPolicy.call] with the exception type Kotlin cannot infer. */
operator fun <T> RetryPolicy.invoke(block: () -> T): T = call<T, Exception>(block)
// endregion
