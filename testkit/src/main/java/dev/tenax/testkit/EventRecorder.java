package dev.tenax.testkit;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that records every retry and give-up event, safe to read from the test thread. */
public final class EventRecorder implements RetryListener {
    private final List<RetryDetails> retries = new CopyOnWriteArrayList<>();
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();

    @Override
    public void onRetryScheduled(RetryDetails details) {
        retries.add(details);
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        giveUps.add(details);
    }

    /** The retry events so far, live. */
    public List<RetryDetails> retries() {
        return retries;
    }

    /** The give-up events so far, live. */
    public List<GiveUpDetails> giveUps() {
        return giveUps;
    }
}
