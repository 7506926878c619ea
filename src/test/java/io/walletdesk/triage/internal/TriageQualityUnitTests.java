package io.walletdesk.triage.internal;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the shipped model's quality on the held-out split, which training never sees.
 * The floors sit a little under the figures measured when the corpus last changed (see
 * bench/README.md); a change that makes triage worse fails the build.
 */
class TriageQualityUnitTests {

	@Test
	void theShippedModelKeepsItsHeldOutScores() throws IOException {
		TriageModel model;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(TriageModelBuild.RESOURCE)) {
			model = TriageModel.fromBytes(in.readAllBytes());
		}
		TriageEvaluation evaluation = TriageEvaluation.of(model, Corpus.heldOut());
		assertThat(evaluation.examples()).isGreaterThan(1000);
		assertThat(evaluation.urgentRecall()).as("urgent recall").isGreaterThanOrEqualTo(0.96);
		assertThat(evaluation.urgentPrecision()).as("urgent precision").isGreaterThanOrEqualTo(0.45);
		assertThat(evaluation.category().macroF1()).as("category macro-F1").isGreaterThanOrEqualTo(0.84);
		assertThat(evaluation.categoryMacroF1ByLanguage().get("zh")).as("category macro-F1, Chinese")
			.isGreaterThanOrEqualTo(0.85);
		assertThat(evaluation.categoryMacroF1ByLanguage().get("en")).as("category macro-F1, English")
			.isGreaterThanOrEqualTo(0.84);
		assertThat(evaluation.sentiment().macroF1()).as("sentiment macro-F1").isGreaterThanOrEqualTo(0.68);
	}

}
