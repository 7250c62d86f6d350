/**
 * Implementation of the engine. Not exported by the module: nothing here is API and anything may change.
 */
@NullMarked
package dev.tenax.internal;

import org.jspecify.annotations.NullMarked;
