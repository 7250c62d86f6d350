/** The HTTP judge, server-hint parsing and failure rules behind {@code dev.tenax.http}. Not exported. */
@NullMarked
package dev.tenax.internal.http;

import org.jspecify.annotations.NullMarked;
