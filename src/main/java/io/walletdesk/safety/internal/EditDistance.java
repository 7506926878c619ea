package io.walletdesk.safety.internal;

/**
 * Bounded Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions and transpositions of adjacent characters).
 * <p>
 * Written here rather than taken from a library because the callers compare short tokens
 * against thousands of words per message and need the early exit once the bound is
 * passed, which the general-purpose implementations (e.g. Apache Commons Text) do not
 * offer for the Damerau variant.
 */
public final class EditDistance {

	private EditDistance() {
	}

	/**
	 * The distance between two strings, or {@code limit + 1} once it is known to exceed
	 * {@code limit}.
	 * @param a first string
	 * @param b second string
	 * @param limit largest distance of interest
	 * @return the distance, capped at {@code limit + 1}
	 */
	public static int damerauLevenshtein(CharSequence a, CharSequence b, int limit) {
		int n = a.length();
		int m = b.length();
		if (Math.abs(n - m) > limit) {
			return limit + 1;
		}
		int[] previous2 = new int[m + 1];
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			int rowMin = current[0];
			char ca = a.charAt(i - 1);
			for (int j = 1; j <= m; j++) {
				char cb = b.charAt(j - 1);
				int cost = (ca == cb) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
					value = Math.min(value, previous2[j - 2] + 1);
				}
				current[j] = value;
				rowMin = Math.min(rowMin, value);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] recycled = previous2;
			previous2 = previous;
			previous = current;
			current = recycled;
		}
		return Math.min(previous[m], limit + 1);
	}

}
