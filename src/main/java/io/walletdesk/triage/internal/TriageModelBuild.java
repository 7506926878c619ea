package io.walletdesk.triage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the shipped triage model from the corpus's training part at build time (Maven's
 * {@code process-classes} phase), into {@code target/classes/triage/model.bin}, so the
 * application starts with a model and the same corpus always gives the same model. Skips
 * the work when the model on disk was built from the same examples.
 */
public final class TriageModelBuild {

	/** Where the shipped model is on the class path. */
	public static final String RESOURCE = "triage/model.bin";

	private TriageModelBuild() {
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args.length > 0 ? args[0] : "target/classes").resolve(RESOURCE);
		List<LabelledExample> examples = Corpus.train();
		String version = TriageTrainer.version("shipped", examples);
		if (Files.exists(target)) {
			try {
				if (TriageModel.fromBytes(Files.readAllBytes(target)).version().equals(version)) {
					System.out.println("Triage model " + version + " is up to date");
					return;
				}
			}
			catch (IllegalArgumentException ex) {
				// An older format: build it again.
			}
		}
		long started = System.nanoTime();
		TriageModel model = TriageTrainer.train(version, examples);
		Files.createDirectories(target.getParent());
		Files.write(target, model.toBytes());
		System.out.printf("Triage model %s trained on %d examples in %.1f s (urgent threshold %.3f)%n", version,
				examples.size(), (System.nanoTime() - started) / 1e9, model.urgentThreshold());
	}

}
