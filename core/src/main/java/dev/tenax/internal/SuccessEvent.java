package dev.tenax.internal;

import dev.tenax.SuccessDetails;
import java.time.Duration;

/** The immutable {@link SuccessDetails} the engine hands to listeners. */
record SuccessEvent(String name, int attempts, Duration elapsed) implements SuccessDetails {}
