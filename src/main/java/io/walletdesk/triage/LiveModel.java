package io.walletdesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.walletdesk.triage.internal.Corpus;
import io.walletdesk.triage.internal.LabelledExample;
import io.walletdesk.triage.internal.TriageEvaluation;
import io.walletdesk.triage.internal.TriageModel;
import io.walletdesk.triage.internal.TriageModelBuild;
import io.walletdesk.triage.internal.TriageTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The model triage classifies with, and how it is replaced.
 * <p>
 * The live model is the one marked live in the database. On first use with an empty
 * database, or when the application ships a newer corpus than the live shipped model was
 * built from, the model built at build time ({@code triage/model.bin}) is installed.
 * Retraining trains a candidate on the corpus's training split plus agents' corrections,
 * scores candidate and live model on the same examples (the held-out split plus the
 * recent corrections training did not see) and makes the candidate live only when it is
 * not worse on category macro-F1 and urgent recall. Every node checks each minute which
 * model is live, so a model trained on one node reaches the others.
 */
@Component
class LiveModel {

	private static final Logger log = LoggerFactory.getLogger(LiveModel.class);

	/** One correction in this many is kept out of training to score candidates on. */
	private static final int CORRECTION_EVALUATION_SHARE = 5;

	private final TriageStore store;

	private final TransactionTemplate transactions;

	private final TriageSettings settings;

	private final Clock clock;

	private final AtomicReference<TriageModel> current = new AtomicReference<>();

	LiveModel(TriageStore store, TransactionTemplate transactions, TriageSettings settings, Clock clock) {
		this.store = store;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	TriageModel get() {
		TriageModel model = this.current.get();
		if (model == null) {
			synchronized (this) {
				model = this.current.get();
				if (model == null) {
					model = load();
					this.current.set(model);
				}
			}
		}
		return model;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void refresh() {
		TriageModel model = this.current.get();
		if (model == null) {
			return;
		}
		Optional<String> live = this.store.liveVersion();
		if (live.isPresent() && !live.get().equals(model.version())) {
			this.store.liveModel().map(TriageModel::fromBytes).ifPresent(this.current::set);
			log.info("Triage now classifies with model {}", live.get());
		}
	}

	private TriageModel load() {
		TriageModel shipped = shipped();
		Optional<String> live = this.store.liveVersion();
		if (live.isPresent() && (!live.get().startsWith("shipped-") || live.get().equals(shipped.version()))) {
			Optional<byte[]> bytes = this.store.liveModel();
			if (bytes.isPresent()) {
				return TriageModel.fromBytes(bytes.get());
			}
		}
		if (!this.store.hasModel(shipped.version())) {
			TriageEvaluation evaluation = TriageEvaluation.of(shipped, Corpus.heldOut());
			ModelSummary summary = summary(shipped.version(), "shipped", Corpus.train().size(), evaluation, true);
			this.transactions.executeWithoutResult(status -> this.store.saveModel(summary, shipped.toBytes()));
			log.info("Installed the shipped triage model {} (category macro-F1 {} on the held-out split)",
					shipped.version(), String.format("%.3f", evaluation.category().macroF1()));
		}
		return shipped;
	}

	static TriageModel shipped() {
		try (InputStream in = LiveModel.class.getClassLoader().getResourceAsStream(TriageModelBuild.RESOURCE)) {
			if (in != null) {
				return TriageModel.fromBytes(in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Only when the build step did not run (an IDE's own compiler): train now, same
		// result.
		log.warn("{} is not on the class path; training the shipped triage model now", TriageModelBuild.RESOURCE);
		List<LabelledExample> train = Corpus.train();
		return TriageTrainer.train(TriageTrainer.version("shipped", train), train);
	}

	/**
	 * Trains a candidate and makes it live when it is not worse than the live model.
	 * @param trigger {@code on_demand} or {@code nightly}
	 * @return the candidate's summary, or empty when there was nothing new to learn or
	 * another node was retraining
	 */
	Optional<ModelSummary> retrain(String trigger) {
		return this.transactions.execute(status -> {
			if (!this.store.tryRetrainLock()) {
				return Optional.<ModelSummary>empty();
			}
			List<LabelledExample> training = new ArrayList<>(Corpus.train());
			List<LabelledExample> evaluation = new ArrayList<>(Corpus.heldOut());
			var recent = this.clock.instant().minus(Duration.ofDays(this.settings.correctionWindowDays()));
			for (TriageStore.StoredCorrection c : this.store.corrections()) {
				LabelledExample example = new LabelledExample("correction-" + c.messageId(), c.text(), c.language(),
						c.category(), c.priority(), c.sentiment());
				if (Math.floorMod(c.messageId().hashCode(), CORRECTION_EVALUATION_SHARE) == 0) {
					if (c.at().isAfter(recent)) {
						evaluation.add(example);
					}
				}
				else {
					training.add(example);
				}
			}
			String version = TriageTrainer.version("retrained", training);
			TriageModel live = get();
			if (version.equals(live.version()) || this.store.hasModel(version)) {
				return Optional.<ModelSummary>empty();
			}
			long started = System.nanoTime();
			TriageModel candidate = TriageTrainer.train(version, training);
			TriageEvaluation candidateScores = TriageEvaluation.of(candidate, evaluation);
			TriageEvaluation liveScores = TriageEvaluation.of(live, evaluation);
			boolean accepted = candidateScores.category().macroF1() >= liveScores.category().macroF1()
					&& candidateScores.urgentRecall() >= liveScores.urgentRecall();
			ModelSummary summary = summary(version, trigger, training.size(), candidateScores, accepted);
			this.store.saveModel(summary, candidate.toBytes());
			log.info("Triage candidate {} trained on {} examples in {} s: category macro-F1 {} against live {}; {}",
					version, training.size(), String.format("%.1f", (System.nanoTime() - started) / 1e9),
					String.format("%.3f", candidateScores.category().macroF1()),
					String.format("%.3f", liveScores.category().macroF1()), accepted ? "now live" : "kept out");
			if (accepted) {
				this.current.set(candidate);
			}
			return Optional.of(summary);
		});
	}

	private ModelSummary summary(String version, String trigger, int trainingExamples, TriageEvaluation evaluation,
			boolean accepted) {
		return new ModelSummary(version, this.clock.instant(), trigger, trainingExamples, evaluation.examples(),
				evaluation.category().macroF1(), evaluation.categoryMacroF1ByLanguage().get("zh"),
				evaluation.categoryMacroF1ByLanguage().get("en"), evaluation.urgentRecall(),
				evaluation.urgentPrecision(), accepted, accepted, evaluation.format());
	}

}
