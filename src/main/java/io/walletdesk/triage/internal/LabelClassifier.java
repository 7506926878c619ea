package io.walletdesk.triage.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A maximum-entropy (multinomial logistic regression) classifier for one label, trained
 * with OpenNLP's quasi-Newton trainer and L2 regularisation. Training is deterministic
 * (one thread, fixed iterations), so the same examples always give the same model.
 * <p>
 * Thread-safe once built: evaluation allocates its own arrays.
 */
public final class LabelClassifier {

	private static final double L2_COST = 0.5;

	private final MaxentModel model;

	private LabelClassifier(MaxentModel model) {
		this.model = model;
	}

	/**
	 * @param features one feature array per example
	 * @param labels the label of each example, same order
	 * @return the trained classifier
	 */
	public static LabelClassifier train(List<String[]> features, List<String> labels) {
		List<Event> events = new ArrayList<>(features.size());
		for (int i = 0; i < features.size(); i++) {
			events.add(new Event(labels.get(i), features.get(i)));
		}
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
		parameters.put(TrainingParameters.ITERATIONS_PARAM, 300);
		parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
		parameters.put(TrainingParameters.THREADS_PARAM, 1);
		parameters.put("L1Cost", 0.0);
		parameters.put("L2Cost", L2_COST);
		EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, new LinkedHashMap<>());
		try {
			return new LabelClassifier(trainer.train(ObjectStreamUtils.createObjectStream(events)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param bytes what {@link #toBytes()} wrote
	 * @return the classifier again
	 */
	public static LabelClassifier fromBytes(byte[] bytes) {
		try {
			return new LabelClassifier(
					new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes))).getModel());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] toBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new GenericModelWriter((AbstractModel) this.model, new DataOutputStream(out)).persist();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * @param features the message's features
	 * @return the probability of each label, in the model's label order
	 */
	public Map<String, Double> probabilities(String[] features) {
		double[] p = this.model.eval(features);
		Map<String, Double> result = new LinkedHashMap<>();
		for (int i = 0; i < p.length; i++) {
			result.put(this.model.getOutcome(i), p[i]);
		}
		return result;
	}

}
