package dev.tenax.demo;

import java.io.IOException;

/** A response status that retrying will not change (a 404, say): the poller stops on it. */
final class UnexpectedStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    UnexpectedStatusException(int status) {
        super("unexpected status " + status);
        this.status = status;
    }

    /** The response status. */
    int status() {
        return status;
    }
}
