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
		if (java.util.Arrays.asList(args).contains("--urgent-mistakes")) {
			printUrgentMistakes(model);
		}
	}

	/**
	 * Lists the held-out examples whose urgency the model got wrong, to review labels and
	 * cues: predicted urgent but labelled otherwise, then labelled urgent but missed.
	 */
	private static void printUrgentMistakes(TriageModel model) {
		StringBuilder wrongAlarms = new StringBuilder();
		StringBuilder missed = new StringBuilder();
		for (LabelledExample example : Corpus.heldOut()) {
			TriageModel.Labels labels = model.classify(example.text());
			boolean predicted = "urgent".equals(labels.priority());
			boolean labelled = "urgent".equals(example.priority());
			if (predicted != labelled) {
				(predicted ? wrongAlarms : missed).append(String.format(Locale.ROOT, "%s\t%s/%s\t%s%n", example.id(),
						example.priority(), example.category(), example.text().replace('\n', ' ')));
			}
		}
		System.out.println();
		System.out.println("Predicted urgent, labelled otherwise:");
		System.out.print(wrongAlarms);
		System.out.println();
		System.out.println("Labelled urgent, predicted otherwise:");
		System.out.print(missed);
	}

}
