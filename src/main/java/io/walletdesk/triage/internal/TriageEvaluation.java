package io.walletdesk.triage.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import io.walletdesk.triage.internal.LabelledExample.Task;

/**
 * Scores a model on labelled examples it never trained on: precision, recall and F1 per
 * label, macro-F1 overall and per language, urgent recall and precision, and the category
 * confusion matrix.
 *
 * @param examples how many examples were scored
 * @param category category scores
 * @param priority priority scores
 * @param sentiment sentiment scores
 * @param categoryMacroF1ByLanguage category macro-F1 per language label
 * @param urgentRecall share of urgent examples predicted urgent
 * @param urgentPrecision share of urgent predictions that were urgent
 */
public record TriageEvaluation(int examples, Scores category, Scores priority, Scores sentiment,
		Map<String, Double> categoryMacroF1ByLanguage, double urgentRecall, double urgentPrecision) {

	/**
	 * @param model the model to score
	 * @param examples labelled examples the model did not train on
	 * @return the scores
	 */
	public static TriageEvaluation of(TriageModel model, List<LabelledExample> examples) {
		List<TriageModel.Labels> predictions = examples.stream().map(e -> model.classify(e.text())).toList();
		Scores category = Scores.of(examples, predictions, Task.CATEGORY, TriageModel.Labels::category);
		Scores priority = Scores.of(examples, predictions, Task.PRIORITY, TriageModel.Labels::priority);
		Scores sentiment = Scores.of(examples, predictions, Task.SENTIMENT, TriageModel.Labels::sentiment);
		Map<String, Double> byLanguage = new LinkedHashMap<>();
		for (String lang : new TreeSet<>(examples.stream().map(LabelledExample::lang).toList())) {
			List<LabelledExample> subset = new ArrayList<>();
			List<TriageModel.Labels> subsetPredictions = new ArrayList<>();
			for (int i = 0; i < examples.size(); i++) {
				if (lang.equals(examples.get(i).lang())) {
					subset.add(examples.get(i));
					subsetPredictions.add(predictions.get(i));
				}
			}
			byLanguage.put(lang,
					Scores.of(subset, subsetPredictions, Task.CATEGORY, TriageModel.Labels::category).macroF1());
		}
		Scores.LabelScore urgent = priority.labels().get("urgent");
		return new TriageEvaluation(examples.size(), category, priority, sentiment, byLanguage,
				urgent == null ? 0 : urgent.recall(), urgent == null ? 0 : urgent.precision());
	}

	/**
	 * @return the report the evaluation command prints
	 */
	public String format() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "Examples scored: %d%n%n", this.examples));
		section(out, "Category", this.category);
		out.append("Category macro-F1 by language:\n");
		this.categoryMacroF1ByLanguage
			.forEach((lang, f1) -> out.append(String.format(Locale.ROOT, "  %-8s %.3f%n", lang, f1)));
		out.append('\n');
		section(out, "Priority", this.priority);
		out.append(String.format(Locale.ROOT, "Urgent recall %.3f, urgent precision %.3f%n%n", this.urgentRecall,
				this.urgentPrecision));
		section(out, "Sentiment", this.sentiment);
		out.append("Category confusion matrix (rows: label, columns: prediction)\n");
		List<String> labels = new ArrayList<>(this.category.labels().keySet());
		out.append(String.format(Locale.ROOT, "%-18s", ""));
		for (String label : labels) {
			out.append(String.format(Locale.ROOT, "%6s", abbreviate(label)));
		}
		out.append('\n');
		for (String actual : labels) {
			out.append(String.format(Locale.ROOT, "%-18s", actual));
			for (String predicted : labels) {
				out.append(String.format(Locale.ROOT, "%6d",
						this.category.confusion().getOrDefault(actual, Map.of()).getOrDefault(predicted, 0)));
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static String abbreviate(String label) {
		String[] parts = label.split("_");
		return parts.length == 1 ? label.substring(0, Math.min(5, label.length()))
				: (parts[0].substring(0, Math.min(3, parts[0].length())) + "_" + parts[1].charAt(0));
	}

	private static void section(StringBuilder out, String title, Scores scores) {
		out.append(String.format(Locale.ROOT, "%s (accuracy %.3f, macro-F1 %.3f)%n", title, scores.accuracy(),
				scores.macroF1()));
		out.append(String.format(Locale.ROOT, "  %-18s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1",
				"support"));
		scores.labels()
			.forEach((label, s) -> out.append(String.format(Locale.ROOT, "  %-18s %9.3f %9.3f %9.3f %8d%n", label,
					s.precision(), s.recall(), s.f1(), s.support())));
		out.append('\n');
	}

	/**
	 * Scores for one label set.
	 *
	 * @param labels per-label scores in label order
	 * @param accuracy share predicted right
	 * @param macroF1 unweighted mean F1 over labels that occur
	 * @param confusion counts per actual label and predicted label
	 */
	public record Scores(Map<String, LabelScore> labels, double accuracy, double macroF1,
			Map<String, Map<String, Integer>> confusion) {

		static Scores of(List<LabelledExample> examples, List<TriageModel.Labels> predictions, Task task,
				Function<TriageModel.Labels, String> predicted) {
			TreeSet<String> names = new TreeSet<>();
			Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
			int right = 0;
			int counted = 0;
			for (int i = 0; i < examples.size(); i++) {
				String actual = examples.get(i).label(task);
				if (actual == null) {
					continue;
				}
				String guess = predicted.apply(predictions.get(i));
				names.add(actual);
				names.add(guess);
				confusion.computeIfAbsent(actual, k -> new LinkedHashMap<>()).merge(guess, 1, Integer::sum);
				counted++;
				if (actual.equals(guess)) {
					right++;
				}
			}
			Map<String, LabelScore> labels = new LinkedHashMap<>();
			double f1Sum = 0;
			int present = 0;
			for (String name : names) {
				int tp = confusion.getOrDefault(name, Map.of()).getOrDefault(name, 0);
				int support = confusion.getOrDefault(name, Map.of())
					.values()
					.stream()
					.mapToInt(Integer::intValue)
					.sum();
				int predictedCount = confusion.values().stream().mapToInt(row -> row.getOrDefault(name, 0)).sum();
				double precision = predictedCount == 0 ? 0 : (double) tp / predictedCount;
				double recall = support == 0 ? 0 : (double) tp / support;
				double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
				labels.put(name, new LabelScore(precision, recall, f1, support));
				if (support > 0) {
					f1Sum += f1;
					present++;
				}
			}
			return new Scores(labels, counted == 0 ? 0 : (double) right / counted, present == 0 ? 0 : f1Sum / present,
					confusion);
		}

		/**
		 * @param precision share of predictions of this label that were right
		 * @param recall share of examples with this label that were found
		 * @param f1 harmonic mean of both
		 * @param support examples with this label
		 */
		public record LabelScore(double precision, double recall, double f1, int support) {
		}

	}

}
