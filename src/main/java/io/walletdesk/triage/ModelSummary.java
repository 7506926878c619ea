package io.walletdesk.triage;

import java.time.Instant;

/**
 * A trained triage model and how it scored when it was evaluated.
 *
 * @param version the model's version
 * @param createdAt when it was trained
 * @param trigger {@code shipped}, {@code on_demand} or {@code nightly}
 * @param trainingExamples examples it trained on
 * @param evaluationExamples examples it was scored on (held-out split plus recent
 * corrections)
 * @param categoryMacroF1 category macro-F1 on them
 * @param categoryMacroF1Zh the same on the Chinese ones
 * @param categoryMacroF1En the same on the English ones
 * @param urgentRecall urgent recall
 * @param urgentPrecision urgent precision
 * @param accepted whether it was at least as good as the live model then
 * @param live whether it is the live model now
 * @param report the full evaluation report
 */
public record ModelSummary(String version, Instant createdAt, String trigger, int trainingExamples,
		int evaluationExamples, double categoryMacroF1, Double categoryMacroF1Zh, Double categoryMacroF1En,
		double urgentRecall, double urgentPrecision, boolean accepted, boolean live, String report) {

}
