package dev.tenax.demo;

import java.io.IOException;

/** What a fetcher does with the final response once Tenax has finished retrying. */
final class Responses {
    private Responses() {}

    /** The body of a 200; any other final status is the end of the poll. */
    static byte[] bodyOf(int status, byte[] body) throws IOException {
        if (status == 200) {
            return body;
        }
        throw new UnexpectedStatusException(status);
    }
}
