package dev.tenax.testkit;

/**
 * What the caller received: the final status and the whole body, read through the client's own API.
 *
 * @param status the status
 * @param body the body as text
 */
public record ContractResponse(int status, String body) {}
