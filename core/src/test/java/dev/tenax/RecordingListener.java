package dev.tenax;

import java.util.List;

/** Collects retry and give-up events into the given lists. */
final class RecordingListener implements RetryListener {
    private final List<RetryDetails> retries;
    private final List<GiveUpDetails> giveUps;

    RecordingListener(List<RetryDetails> retries, List<GiveUpDetails> giveUps) {
        this.retries = retries;
        this.giveUps = giveUps;
    }

    @Override
    public void onRetryScheduled(RetryDetails details) {
        try {
            retries.add(details);
        } catch (UnsupportedOperationException immutable) {
            // the caller only wanted give-ups
        }
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        giveUps.add(details);
    }
}
