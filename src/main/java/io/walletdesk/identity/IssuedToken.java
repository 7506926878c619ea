package io.walletdesk.identity;

/**
 * A freshly issued API token: {@code value} is shown once and never stored.
 */
public record IssuedToken(ApiTokenView token, String value) {
}
