package io.walletdesk.triage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Prints how the shipped model scores on the held-out part of the corpus. Run with
 * {@code ./mvnw -q -Ptriage-eval compile exec:java} (see the README).
 */
public final class TriageEvaluationCommand {

	private TriageEvaluationCommand() {
	}

	public static void main(String[] args) throws IOException {
		TriageModel model;
		try (InputStream in = TriageEvaluationCommand.class.getClassLoader()
			.getResourceAsStream(TriageModelBuild.RESOURCE)) {
			if (in == null || (args.length > 0 && args[0].equals("--retrain"))) {
				model = TriageTrainer.train(TriageTrainer.version("shipped", Corpus.train()), Corpus.train());
			}
			else {
				model = TriageModel.fromBytes(in.readAllBytes());
			}
		}
		System.out.println("Triage model " + model.version() + ", urgent threshold "
				+ String.format(Locale.ROOT, "%.3f", model.urgentThreshold()));
		System.out.println("Held-out split: " + Corpus.HELD_OUT);
		System.out.println();
		System.out.print(TriageEvaluation.of(model, Corpus.heldOut()).format());
	}

}
