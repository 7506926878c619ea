package io.walletdesk.triage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Wallet-support cue words ({@code triage/cues.txt}) turned into features: one feature
 * per group whose terms occur in a message. Each group is one compiled pattern, so a
 * message is scanned once per group.
 */
final class Cues {

	private static final List<Group> GROUPS = load("triage/cues.txt");

	private Cues() {
	}

	/**
	 * @param lowerSimplified the message lower-cased, Chinese in Simplified characters
	 * @param features where to add {@code cue=<group>} features
	 */
	static void addTo(String lowerSimplified, Set<String> features) {
		for (Group group : GROUPS) {
			if (group.pattern().matcher(lowerSimplified).find()) {
				features.add("cue=" + group.name());
			}
		}
	}

	private static List<Group> load(String resource) {
		InputStream in = Cues.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException(resource + " is missing from the class path");
		}
		List<Group> groups = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int colon = line.indexOf(':');
				List<String> alternatives = new ArrayList<>();
				for (String term : line.substring(colon + 1).split("\\|")) {
					String t = term.strip().toLowerCase(Locale.ROOT);
					if (t.isEmpty()) {
						continue;
					}
					boolean latin = t.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
					alternatives.add(latin ? "(?<![a-z0-9])" + Pattern.quote(t) : Pattern.quote(t));
				}
				groups
					.add(new Group(line.substring(0, colon).strip(), Pattern.compile(String.join("|", alternatives))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(groups);
	}

	private record Group(String name, Pattern pattern) {
	}

}
