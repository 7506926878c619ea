package io.walletdesk.triage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.walletdesk.safety.SecretScanner;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.Sentiment;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.TriageLabels;
import io.walletdesk.triage.internal.EntityExtractor;
import io.walletdesk.triage.internal.LanguageDetector;
import io.walletdesk.triage.internal.TriageModel;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage's public face: understands messages (language, category, priority, sentiment,
 * entities), gives tickets what applies to them, takes agents' corrections as training
 * examples and retrains the model on demand and nightly.
 */
@Service
public class TriageManagement {

	private static final Logger log = LoggerFactory.getLogger(TriageManagement.class);

	private final LiveModel model;

	private final TriageStore store;

	private final TicketManagement tickets;

	private final SecretScanner scanner;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EntityExtractor entities = new EntityExtractor();

	private final ExecutorService retraining = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "triage-retraining");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean retrainRunning = new AtomicBoolean();

	TriageManagement(LiveModel model, TriageStore store, TicketManagement tickets, SecretScanner scanner,
			ApplicationEventPublisher events, Clock clock) {
		this.model = model;
		this.store = store;
		this.tickets = tickets;
		this.scanner = scanner;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Triage of a text, stored nowhere. Secrets are redacted before the text is looked
	 * at, so a pasted mnemonic makes the result urgent and appears in no entity.
	 * @param text the message text
	 * @return what triage understands of it
	 */
	public TriageResult preview(String text) {
		return understand(this.scanner.scan(text).redactedText()).result();
	}

	private Understood understand(String redacted) {
		TriageModel live = this.model.get();
		TriageModel.Labels labels = live.classify(redacted);
		TriageResult result = new TriageResult(LanguageDetector.detect(redacted), labels.category(),
				labels.categoryConfidence(), labels.priority(), labels.priorityConfidence(), labels.sentiment(),
				labels.sentimentConfidence(), labels.rule(), this.entities.extract(redacted), live.version());
		return new Understood(result, labels.urgentScore());
	}

	/**
	 * Triages a stored customer message once (a replayed event finds it done) and gives
	 * its ticket the labels an agent has not set.
	 * @param ticketId the message's ticket
	 * @param messageId the message
	 */
	@Transactional
	public void triageMessage(UUID ticketId, UUID messageId) {
		Optional<String> text = this.tickets.customerText(messageId);
		if (text.isEmpty() || text.get().isBlank()) {
			return;
		}
		// Stored bodies are redacted by the ticket module before they are stored.
		Understood understood = understand(text.get());
		TriageResult result = understood.result();
		if (!this.store.saveResult(ticketId, messageId, result, understood.urgentScore(), this.clock.instant())) {
			return;
		}
		this.tickets.applyTriage(ticketId, new TriageLabels(Category.fromId(result.category()),
				Priority.fromId(result.priority()), Sentiment.fromId(result.sentiment()), result.language()));
		this.events.publishEvent(new TriageCompleted(ticketId, messageId, result.category(), result.priority(),
				result.sentiment(), result.language()));
	}

	/**
	 * @param ticketId a ticket
	 * @return the triage of its latest triaged customer message
	 */
	public Optional<TicketTriage> latest(UUID ticketId) {
		return this.store.latestResult(ticketId).map(r -> new TicketTriage(r.messageId(), r.result(), r.at()));
	}

	/**
	 * An agent's correction: changes the ticket like any agent change (triage leaves
	 * those fields alone afterwards) and keeps the triaged message with the corrected
	 * labels as a training example.
	 * @param ticketId the ticket
	 * @param correction the corrected fields (null ones are left alone)
	 * @param agent the correcting agent
	 * @throws IllegalStateException when the ticket has no triaged message to learn from
	 * or is closed
	 */
	@Transactional
	public TicketView correct(UUID ticketId, Correction correction, Actor agent) {
		TicketTriage latest = latest(ticketId)
			.orElseThrow(() -> new IllegalStateException("The ticket has no triaged customer message to correct"));
		TicketView ticket = this.tickets.get(ticketId);
		if (correction.category() != null || correction.priority() != null) {
			ticket = this.tickets.change(ticketId, new ChangeTicket(null, correction.priority(),
					correction.category() == null ? null : Optional.of(correction.category()), null, null, null),
					agent);
		}
		if (correction.sentiment() != null) {
			ticket = this.tickets.judgeSentiment(ticketId, correction.sentiment(), agent);
		}
		List<String> fields = new ArrayList<>();
		if (correction.category() != null) {
			fields.add("category");
		}
		if (correction.priority() != null) {
			fields.add("priority");
		}
		if (correction.sentiment() != null) {
			fields.add("sentiment");
		}
		TriageResult was = latest.result();
		String text = this.tickets.message(latest.messageId()).map(TicketView.MessageView::body).orElse("");
		this.store.saveCorrection(ticketId, latest.messageId(), this.scanner.scan(text).redactedText(), was.language(),
				correction.category() != null ? correction.category().id() : was.category(),
				correction.priority() != null ? correction.priority().id() : was.priority(),
				correction.sentiment() != null ? correction.sentiment().id() : was.sentiment(),
				String.join(",", fields), agent.id(), this.clock.instant());
		return ticket;
	}

	/**
	 * @return the live model's summary, or empty before the first message was triaged
	 * (the shipped model is installed then)
	 */
	public Optional<ModelSummary> liveModel() {
		return this.store.liveSummary();
	}

	/**
	 * @return the live model, the recent candidates and the number of corrections
	 */
	public ModelStatus status() {
		List<ModelSummary> models = this.store.models(10);
		String live = this.model.get().version();
		return new ModelStatus(models.stream().filter(m -> m.version().equals(live)).findFirst().orElse(null), models,
				this.store.correctionCount(), this.retrainRunning.get());
	}

	/**
	 * Starts retraining in the background unless it is already running.
	 * @return true when it started
	 */
	public boolean retrainNow() {
		if (!this.retrainRunning.compareAndSet(false, true)) {
			return false;
		}
		this.retraining.execute(() -> retrain("on_demand"));
		return true;
	}

	@Scheduled(cron = "${walletdesk.triage.retrain-cron:0 30 3 * * *}")
	void nightly() {
		if (this.retrainRunning.compareAndSet(false, true)) {
			retrain("nightly");
		}
	}

	private void retrain(String trigger) {
		try {
			this.model.retrain(trigger);
		}
		catch (RuntimeException ex) {
			log.error("Triage retraining ({}) failed", trigger, ex);
		}
		finally {
			this.retrainRunning.set(false);
		}
	}

	@PreDestroy
	void stop() {
		this.retraining.shutdownNow();
	}

	private record Understood(TriageResult result, double urgentScore) {
	}

	/**
	 * An agent's correction of triage labels.
	 *
	 * @param category the right category, or null
	 * @param priority the right priority, or null
	 * @param sentiment the right sentiment, or null
	 */
	public record Correction(Category category, Priority priority, Sentiment sentiment) {

		public boolean isEmpty() {
			return this.category == null && this.priority == null && this.sentiment == null;
		}

	}

	/**
	 * The triage a ticket shows.
	 *
	 * @param messageId the triaged message
	 * @param result what triage understood
	 * @param at when
	 */
	public record TicketTriage(UUID messageId, TriageResult result, java.time.Instant at) {
	}

	/**
	 * @param live the live model, null until it is known
	 * @param recent the latest models, newest first
	 * @param corrections agents' corrections stored
	 * @param retraining whether retraining runs now
	 */
	public record ModelStatus(ModelSummary live, List<ModelSummary> recent, long corrections, boolean retraining) {
	}

}
