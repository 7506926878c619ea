package io.walletdesk.triage.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import io.walletdesk.triage.internal.LabelledExample.Task;

/**
 * Builds a {@link TriageModel} from labelled examples. The same examples always give the
 * same model: features and training are deterministic and the calibration folds depend
 * only on example ids.
 */
public final class TriageTrainer {

	/** Urgent recall the calibrated threshold aims at on held-back folds. */
	static final double URGENT_RECALL_AIM = 0.985;

	private static final int FOLDS = 5;

	private TriageTrainer() {
	}

	/**
	 * @param version the version the model will carry
	 * @param examples training examples; must hold every category, priority and sentiment
	 * @return the trained, calibrated model
	 */
	public static TriageModel train(String version, List<LabelledExample> examples) {
		List<String[]> features = examples.stream().map(e -> TextFeatures.of(e.text())).toList();
		LabelClassifier category = fit(features, examples, Task.CATEGORY, -1);
		LabelClassifier priority = fit(features, examples, Task.PRIORITY, -1);
		LabelClassifier sentiment = fit(features, examples, Task.SENTIMENT, -1);
		LabelClassifier urgent = fitUrgent(features, examples, -1);
		double threshold = calibrateUrgentThreshold(features, examples);
		return new TriageModel(version, category, priority, sentiment, urgent, threshold);
	}

	/**
	 * A version string that changes whenever the examples change.
	 * @param prefix e.g. {@code shipped}
	 * @param examples the training examples
	 * @return {@code prefix-} and 10 hex digits of a hash over the examples
	 */
	public static String version(String prefix, List<LabelledExample> examples) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (LabelledExample e : examples) {
				digest.update((e.id() + '\u0000' + e.text() + '\u0000' + e.category() + '\u0000' + e.priority()
						+ '\u0000' + e.sentiment() + '\n')
					.getBytes(StandardCharsets.UTF_8));
			}
			return prefix + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 10);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static LabelClassifier fit(List<String[]> features, List<LabelledExample> examples, Task task,
			int leaveOutFold) {
		List<String[]> x = new ArrayList<>();
		List<String> y = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			String label = examples.get(i).label(task);
			if (label != null && (leaveOutFold < 0 || fold(examples.get(i)) != leaveOutFold)) {
				x.add(features.get(i));
				y.add(label);
			}
		}
		return LabelClassifier.train(x, y);
	}

	private static LabelClassifier fitUrgent(List<String[]> features, List<LabelledExample> examples,
			int leaveOutFold) {
		List<String[]> x = new ArrayList<>();
		List<String> y = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			LabelledExample e = examples.get(i);
			if (e.priority() != null && (leaveOutFold < 0 || fold(e) != leaveOutFold)) {
				x.add(features.get(i));
				y.add("urgent".equals(e.priority()) ? "urgent" : "other");
			}
		}
		return LabelClassifier.train(x, y);
	}

	private static int fold(LabelledExample example) {
		return Math.floorMod(example.id().hashCode() * 31 + 7, FOLDS);
	}

	/**
	 * Trains on four folds and scores the fifth, five times, then takes the highest
	 * threshold that keeps {@link #URGENT_RECALL_AIM} of the urgent examples above it.
	 */
	private static double calibrateUrgentThreshold(List<String[]> features, List<LabelledExample> examples) {
		List<Double> urgentScores = new ArrayList<>();
		for (int f = 0; f < FOLDS; f++) {
			LabelClassifier category = fit(features, examples, Task.CATEGORY, f);
			LabelClassifier urgent = fitUrgent(features, examples, f);
			for (int i = 0; i < examples.size(); i++) {
				LabelledExample e = examples.get(i);
				if (fold(e) != f || !"urgent".equals(e.priority()) || e.text().contains("[redacted: ")) {
					continue;
				}
				urgentScores.add(TriageModel.urgentScore(urgent, category, features.get(i)));
			}
		}
		if (urgentScores.isEmpty()) {
			return 0.5;
		}
		Collections.sort(urgentScores);
		int allowedMisses = (int) Math.floor(urgentScores.size() * (1 - URGENT_RECALL_AIM));
		double threshold = urgentScores.get(allowedMisses);
		// Never so low that every anxious transfer question turns urgent, never above the
		// plain argmax.
		return Math.max(0.02, Math.min(0.5, threshold - 1e-9));
	}

}
