package io.walletdesk.triage.internal;

import java.util.Objects;

/**
 * One message with the labels a person gave it: an example of the shipped corpus or an
 * agent's correction.
 *
 * @param id stable identifier (corpus id, or {@code correction-<uuid>})
 * @param text the message as stored, secrets already redacted
 * @param lang the language label ({@code zh}, {@code en}, {@code mixed}, ...)
 * @param category category identifier, see the taxonomy
 * @param priority priority identifier
 * @param sentiment sentiment identifier
 */
public record LabelledExample(String id, String text, String lang, String category, String priority, String sentiment) {

	public LabelledExample {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(text, "text");
	}

	/**
	 * @param task which label to read
	 * @return this example's label for the task, or null when it has none
	 */
	public String label(Task task) {
		return switch (task) {
			case CATEGORY -> this.category;
			case PRIORITY -> this.priority;
			case SENTIMENT -> this.sentiment;
		};
	}

	/** The three labels triage learns. */
	public enum Task {

		CATEGORY, PRIORITY, SENTIMENT

	}

}
