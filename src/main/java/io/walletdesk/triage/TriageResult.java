package io.walletdesk.triage;

/**
 * What triage understood of one message.
 *
 * @param language BCP-47 primary tag, or {@code mixed}
 * @param category category identifier (taxonomy)
 * @param categoryConfidence the model's probability for the category
 * @param priority priority identifier, rules applied
 * @param priorityConfidence probability of the priority (1 when a certain rule decided)
 * @param sentiment {@code calm}, {@code anxious} or {@code angry}
 * @param sentimentConfidence probability of the sentiment
 * @param rule the rule that decided the priority ({@code secret_exposed},
 * {@code incident_at_least_high}), or null when the model did
 * @param entities hashes, addresses, chains, tokens, amounts, exchanges, app version, OS
 * @param modelVersion the model that classified the message
 */
public record TriageResult(String language, String category, double categoryConfidence, String priority,
		double priorityConfidence, String sentiment, double sentimentConfidence, String rule, Entities entities,
		String modelVersion) {
}
