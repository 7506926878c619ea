package io.walletdesk.triage.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The three trained classifiers plus the certain rules around them.
 * <p>
 * Priority favours urgent recall: a message is urgent when a secret was redacted from it
 * (certain), or when its urgent score, the mean of a dedicated urgent-or-not classifier's
 * probability and the category model's security-incident probability, reaches
 * {@code urgentThreshold}, which training calibrates on held-back folds so that about 98
 * % of urgent examples clear it. Otherwise the priority model chooses among high, normal
 * and low, and a likely security incident is never below high.
 *
 * @param version identifies the model (shipped models: {@code shipped-<hash>})
 * @param category the category classifier
 * @param priority the priority classifier
 * @param sentiment the sentiment classifier
 * @param urgent the urgent-or-not classifier (labels {@code urgent} and {@code other})
 * @param urgentThreshold the calibrated urgent threshold
 */
public record TriageModel(String version, LabelClassifier category, LabelClassifier priority, LabelClassifier sentiment,
		LabelClassifier urgent, double urgentThreshold) {

	private static final Pattern SECRET = Pattern.compile("\\[redacted: [^\\]]{1,40}\\]");

	private static final int FORMAT = 2;

	public TriageModel {
		Objects.requireNonNull(version, "version");
	}

	/**
	 * @param text a redacted message
	 * @return the labels with their confidences
	 */
	public Labels classify(String text) {
		String[] features = TextFeatures.of(text);
		Map<String, Double> categories = this.category.probabilities(features);
		Map<String, Double> priorities = this.priority.probabilities(features);
		Map<String, Double> sentiments = this.sentiment.probabilities(features);
		Map.Entry<String, Double> category = best(categories);
		Map.Entry<String, Double> sentiment = best(sentiments);
		double urgentScore = urgentScore(this.urgent, this.category, features);
		String priority;
		double priorityConfidence;
		String rule = null;
		if (SECRET.matcher(text).find()) {
			priority = "urgent";
			priorityConfidence = 1.0;
			rule = "secret_exposed";
		}
		else if (urgentScore >= this.urgentThreshold) {
			priority = "urgent";
			priorityConfidence = urgentScore;
		}
		else {
			Map.Entry<String, Double> rest = priorities.entrySet()
				.stream()
				.filter(e -> !e.getKey().equals("urgent"))
				.max(Map.Entry.comparingByValue())
				.orElseThrow();
			priority = rest.getKey();
			priorityConfidence = rest.getValue();
			if (category.getKey().equals("security_incident") && !priority.equals("high")) {
				priority = "high";
				priorityConfidence = priorities.getOrDefault("high", 0.0);
				rule = "incident_at_least_high";
			}
		}
		return new Labels(category.getKey(), category.getValue(), priority, priorityConfidence, sentiment.getKey(),
				sentiment.getValue(), urgentScore, rule);
	}

	static double urgentScore(LabelClassifier urgent, LabelClassifier category, String[] features) {
		return (urgent.probabilities(features).getOrDefault("urgent", 0.0)
				+ category.probabilities(features).getOrDefault("security_incident", 0.0)) / 2;
	}

	private static Map.Entry<String, Double> best(Map<String, Double> probabilities) {
		return probabilities.entrySet()
			.stream()
			.max(Map.Entry.<String, Double>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
			.orElseThrow();
	}

	/**
	 * @return the model in the form stored in the database
	 */
	public byte[] toBytes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(FORMAT);
			out.writeUTF(this.version);
			out.writeDouble(this.urgentThreshold);
			for (LabelClassifier classifier : new LabelClassifier[] { this.category, this.priority, this.sentiment,
					this.urgent }) {
				byte[] model = classifier.toBytes();
				out.writeInt(model.length);
				out.write(model);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * @param bytes what {@link #toBytes()} wrote
	 * @return the model
	 * @throws IllegalArgumentException when the bytes are not a triage model
	 */
	public static TriageModel fromBytes(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int format = in.readInt();
			if (format != FORMAT) {
				throw new IllegalArgumentException("Unknown triage model format " + format);
			}
			String version = in.readUTF();
			double threshold = in.readDouble();
			LabelClassifier[] classifiers = new LabelClassifier[4];
			for (int i = 0; i < classifiers.length; i++) {
				byte[] model = new byte[in.readInt()];
				in.readFully(model);
				classifiers[i] = LabelClassifier.fromBytes(model);
			}
			return new TriageModel(version, classifiers[0], classifiers[1], classifiers[2], classifiers[3], threshold);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not a triage model", ex);
		}
	}

	/**
	 * What the model says about one message.
	 *
	 * @param category category identifier
	 * @param categoryConfidence its probability
	 * @param priority priority identifier, rules applied
	 * @param priorityConfidence its probability (1 when a certain rule decided)
	 * @param sentiment sentiment identifier
	 * @param sentimentConfidence its probability
	 * @param urgentScore the score compared with the urgent threshold
	 * @param rule the rule that decided the priority, or null when the model did
	 */
	public record Labels(String category, double categoryConfidence, String priority, double priorityConfidence,
			String sentiment, double sentimentConfidence, double urgentScore, String rule) {
	}

}
