package io.walletdesk.safety;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.walletdesk.safety.internal.Bip39;
import io.walletdesk.safety.internal.HtmlText;
import io.walletdesk.safety.internal.KeyDetector;
import io.walletdesk.safety.internal.KnownAddresses;
import io.walletdesk.safety.internal.MnemonicDetector;
import io.walletdesk.safety.internal.ScanContext;

/**
 * Finds wallet secrets in customer messages and replaces them with placeholders.
 * <p>
 * Recognises BIP-39 recovery phrases (English, Chinese simplified and traditional; see
 * {@link MnemonicDetector} for the rules), raw 64-hex private keys (see
 * {@link KeyDetector} for how keys are told from transaction hashes), Bitcoin WIF keys,
 * BIP-32 extended private keys, Solana secret keys and Ethereum keystore files, and
 * classifies the links in the text with a {@link LinkChecker}.
 * <p>
 * Guarantees: every finding lies within the text, findings never overlap, the rest of the
 * text is kept as it was, and scanning a redacted text again finds nothing and changes
 * nothing. The last holds because a scan repeats itself on its own output until nothing
 * new turns up (placeholders can themselves announce a phrase that follows them, e.g.
 * "mnemonic, 12 words").
 * <p>
 * Immutable and safe to share between threads; needs no Spring.
 */
public final class SecretScanner {

	private static final int MAX_ROUNDS = 4;

	private static final Comparator<SecretFinding> PREFERENCE = Comparator.comparingInt(SecretFinding::length)
		.reversed()
		.thenComparing(SecretFinding::certainty)
		.thenComparingInt(SecretFinding::start);

	private final MnemonicDetector mnemonics = new MnemonicDetector(Bip39.load());

	private final KeyDetector keys = new KeyDetector();

	private final LinkChecker links;

	/**
	 * A scanner whose link checker knows no official domains (every link is unrelated or
	 * a lookalike by form alone, such as a raw IP).
	 */
	public SecretScanner() {
		this(new LinkChecker(List.of()));
	}

	/**
	 * A scanner that classifies links with the given checker.
	 * @param links the link checker
	 */
	public SecretScanner(LinkChecker links) {
		this.links = Objects.requireNonNull(links, "links");
	}

	/**
	 * Scans a text without known addresses.
	 * @param text the text
	 * @return what was found
	 * @see #scan(String, Collection)
	 */
	public ScanResult scan(String text) {
		return scan(text, List.of());
	}

	/**
	 * Finds the secrets and links in a text and redacts the secrets.
	 * @param text the text, not null
	 * @param knownAddresses the customer's EVM ({@code 0x…}) and Tron ({@code T…})
	 * addresses; a 64-hex key that derives one of them is certainly a secret, whatever
	 * the words around it; may be null or empty
	 * @return the redacted text, the secrets and the links, with offsets into
	 * {@code text}
	 */
	public ScanResult scan(String text, Collection<String> knownAddresses) {
		Objects.requireNonNull(text, "text");
		KnownAddresses known = KnownAddresses.of(knownAddresses);
		List<SecretFinding> secrets = detect(text, known);
		String redacted = redact(text, secrets);
		for (int round = 1; round < MAX_ROUNDS && !secrets.isEmpty(); round++) {
			List<SecretFinding> more = detect(redacted, known);
			if (more.isEmpty()) {
				break;
			}
			List<SecretFinding> merged = new ArrayList<>(secrets);
			merged.addAll(mapBack(more, secrets));
			secrets = resolve(merged);
			redacted = redact(text, secrets);
		}
		List<LinkFinding> found = new ArrayList<>();
		for (LinkFinding link : this.links.check(text)) {
			if (secrets.stream().noneMatch((s) -> s.start() < link.end() && link.start() < s.end())) {
				found.add(link);
			}
		}
		return new ScanResult(redacted, secrets, found);
	}

	/**
	 * Redacts the secrets in the text content of an HTML fragment and leaves the markup
	 * alone.
	 * <p>
	 * The text is read as a browser shows it ({@code <br>
	 * } and block tags are line breaks, inline tags are nothing, character references are
	 * decoded), scanned, and each secret's characters are removed from the source while
	 * every tag between them is kept, so the result stays well-formed wherever the input
	 * was; the placeholder stands where the secret began.
	 * @param html an HTML fragment, not null
	 * @return the fragment with secrets replaced; the input itself when none was found
	 */
	public String redactHtml(String html) {
		return redactHtml(html, List.of());
	}

	/**
	 * Redacts an HTML fragment, testing hex keys against the customer's addresses.
	 * @param html an HTML fragment, not null
	 * @param knownAddresses the customer's addresses; may be null or empty
	 * @return the fragment with secrets replaced; the input itself when none was found
	 * @see #redactHtml(String)
	 */
	public String redactHtml(String html, Collection<String> knownAddresses) {
		Objects.requireNonNull(html, "html");
		HtmlText view = HtmlText.of(html);
		ScanResult result = scan(view.text(), knownAddresses);
		if (!result.hasSecrets()) {
			return html;
		}
		boolean[] drop = new boolean[html.length()];
		String[] insert = new String[html.length() + 1];
		for (SecretFinding secret : result.secrets()) {
			int anchor = -1;
			for (int t = secret.start(); t < secret.end(); t++) {
				int from = view.sourceStart(t);
				if (from < 0) {
					continue;
				}
				if (anchor < 0) {
					anchor = from;
				}
				for (int h = from; h < view.sourceEnd(t); h++) {
					drop[h] = true;
				}
			}
			if (anchor >= 0) {
				insert[anchor] = secret.placeholder();
			}
		}
		StringBuilder out = new StringBuilder(html.length());
		for (int h = 0; h < html.length(); h++) {
			if (insert[h] != null) {
				out.append(insert[h]);
			}
			if (!drop[h]) {
				out.append(html.charAt(h));
			}
		}
		return out.toString();
	}

	private List<SecretFinding> detect(String text, KnownAddresses known) {
		ScanContext context = new ScanContext(text);
		List<SecretFinding> found = new ArrayList<>();
		this.mnemonics.detect(context, found);
		this.keys.detect(context, known, found);
		return resolve(found);
	}

	/**
	 * Keeps the longest (then most certain) of overlapping findings, ordered by position.
	 */
	private static List<SecretFinding> resolve(List<SecretFinding> findings) {
		if (findings.size() <= 1) {
			return findings;
		}
		List<SecretFinding> sorted = new ArrayList<>(findings);
		sorted.sort(PREFERENCE);
		List<SecretFinding> kept = new ArrayList<>();
		for (SecretFinding candidate : sorted) {
			if (kept.stream().noneMatch(candidate::overlaps)) {
				kept.add(candidate);
			}
		}
		kept.sort(Comparator.comparingInt(SecretFinding::start));
		return kept;
	}

	private static String redact(String text, List<SecretFinding> secrets) {
		if (secrets.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		for (SecretFinding secret : secrets) {
			out.append(text, at, secret.start()).append(secret.placeholder());
			at = secret.end();
		}
		return out.append(text, at, text.length()).toString();
	}

	/**
	 * Moves findings in a redacted text back onto the original: offsets outside
	 * placeholders shift, and an edge inside a placeholder moves to the edge of the
	 * secret it stands for.
	 */
	private static List<SecretFinding> mapBack(List<SecretFinding> found, List<SecretFinding> secrets) {
		int n = secrets.size();
		int[] redactedStart = new int[n];
		int[] redactedEnd = new int[n];
		int delta = 0;
		for (int i = 0; i < n; i++) {
			SecretFinding s = secrets.get(i);
			redactedStart[i] = s.start() + delta;
			redactedEnd[i] = redactedStart[i] + s.placeholder().length();
			delta += s.placeholder().length() - s.length();
		}
		List<SecretFinding> mapped = new ArrayList<>();
		for (SecretFinding f : found) {
			int start = map(f.start(), secrets, redactedStart, redactedEnd, true);
			int end = map(f.end(), secrets, redactedStart, redactedEnd, false);
			if (end > start) {
				mapped.add(new SecretFinding(f.type(), start, end, f.words(), f.certainty()));
			}
		}
		return mapped;
	}

	private static int map(int offset, List<SecretFinding> secrets, int[] redactedStart, int[] redactedEnd,
			boolean start) {
		int delta = 0;
		for (int i = 0; i < secrets.size(); i++) {
			SecretFinding s = secrets.get(i);
			if (start ? offset < redactedStart[i] : offset <= redactedStart[i]) {
				return offset - delta;
			}
			if (offset < redactedEnd[i] || (!start && offset == redactedEnd[i])) {
				return start ? s.start() : s.end();
			}
			delta += s.placeholder().length() - s.length();
		}
		return offset - delta;
	}

}
