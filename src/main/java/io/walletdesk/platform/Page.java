package io.walletdesk.platform;

import java.util.List;

/**
 * One page of a list and the cursor for the next one ({@code null} on the last page).
 */
public record Page<T>(List<T> items, String nextCursor) {
}
