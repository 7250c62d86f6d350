package dev.tenax.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** The JFR event recorded for each scheduled retry. */
@Name("dev.tenax.Retry")
@Label("Retry Scheduled")
@Category({"Tenax"})
@Description("A failed attempt was judged retryable; the next attempt follows after waitFor.")
final class JfrRetryEvent extends jdk.jfr.Event {
    @Label("Policy")
    String name = "";

    @Label("Target")
    String target = "";

    @Label("Retry Number")
    int retryNumber;

    @Label("Wait For")
    @Timespan(Timespan.NANOSECONDS)
    long waitFor;

    @Label("Waited So Far")
    @Timespan(Timespan.NANOSECONDS)
    long waitedSoFar;

    @Label("Error Type")
    String errorType = "";
}
