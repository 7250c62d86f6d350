package dev.tenax.testkit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as the contract describes it; each client variant turns it into its own request type.
 *
 * @param method the method
 * @param uri the absolute URI
 * @param headers request headers
 * @param body the body, or {@code null}
 * @param oneShot whether the body must be sent as a one-shot (non-replayable) body
 */
public record ContractRequest(
        String method,
        URI uri,
        Map<String, String> headers,
        @Nullable String body,
        boolean oneShot) {

    public ContractRequest {
        headers = Map.copyOf(headers);
    }

    public static ContractRequest get(URI uri) {
        return new ContractRequest("GET", uri, Map.of(), null, false);
    }

    public static ContractRequest of(String method, URI uri, @Nullable String body) {
        return new ContractRequest(method, uri, Map.of(), body, false);
    }

    public ContractRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ContractRequest(method, uri, more, body, oneShot);
    }

    public ContractRequest asOneShot() {
        return new ContractRequest(method, uri, headers, body, true);
    }
}
