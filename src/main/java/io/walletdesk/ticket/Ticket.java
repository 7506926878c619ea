package io.walletdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/**
 * A customer issue. Every state change goes through a named method that checks the move
 * and records who changed what in the history.
 */
@Entity
@Table(name = "ticket")
class Ticket extends NewAwareEntity {

	@Id
	private UUID id;

	@Generated(event = EventType.INSERT)
	@Column(insertable = false, updatable = false)
	private long number;

	private String subject;

	@Convert(converter = Converters.StatusConverter.class)
	private TicketStatus status;

	@Convert(converter = Converters.PriorityConverter.class)
	private Priority priority;

	@Convert(converter = Converters.CategoryConverter.class)
	private Category category;

	@Convert(converter = Converters.ChannelConverter.class)
	private Channel channel;

	private UUID requesterId;

	private UUID assigneeId;

	private UUID groupId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private String[] tags;

	private boolean prioritySetByAgent;

	private boolean categorySetByAgent;

	@Convert(converter = Converters.SentimentConverter.class)
	private Sentiment sentiment;

	private boolean sentimentSetByAgent;

	private String language;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant firstResponseAt;

	private Instant solvedAt;

	private Instant closedAt;

	private Instant lastCustomerMessageAt;

	private Instant lastAgentMessageAt;

	@Version
	private long version;

	@Transient
	private final List<TicketChange> pendingChanges = new ArrayList<>();

	protected Ticket() {
	}

	/**
	 * A new ticket; the database assigns its number when it is inserted.
	 */
	Ticket(String subject, Channel channel, UUID requesterId, Priority priority, Category category, Set<String> tags,
			Actor actor, Instant now) {
		this(0, subject, channel, requesterId, priority, category, tags, actor, now);
	}

	Ticket(long number, String subject, Channel channel, UUID requesterId, Priority priority, Category category,
			Set<String> tags, Actor actor, Instant now) {
		this.id = UUID.randomUUID();
		this.number = number;
		this.subject = subject;
		this.channel = channel;
		this.requesterId = requesterId;
		this.status = TicketStatus.NEW;
		this.priority = priority == null ? Priority.NORMAL : priority;
		this.category = category;
		this.prioritySetByAgent = priority != null && actor.isAgent();
		this.categorySetByAgent = category != null && actor.isAgent();
		this.tags = normalizeTags(tags).toArray(String[]::new);
		this.createdAt = now;
		this.updatedAt = now;
		record(actor, now, "status", null, TicketStatus.NEW.id());
	}

	static String formatNumber(long number) {
		return String.format("WD-%06d", number);
	}

	/**
	 * A customer wrote: a ticket waiting on them, or solved, is open again.
	 * @throws IllegalStateException on a closed ticket, which is final
	 */
	void customerWrote(Actor actor, Instant at) {
		if (this.status == TicketStatus.CLOSED) {
			throw new IllegalStateException(formatNumber(this.number) + " is closed; a new message needs a new ticket");
		}
		this.lastCustomerMessageAt = at;
		if (this.status == TicketStatus.PENDING || this.status == TicketStatus.SOLVED) {
			moveTo(TicketStatus.OPEN, actor, at);
		}
		this.updatedAt = at;
	}

	/**
	 * An agent (or the bot) answered in public: the first answer is the first response,
	 * and a new ticket becomes open.
	 */
	void agentReplied(Actor actor, Instant at) {
		if (this.status == TicketStatus.CLOSED) {
			throw new IllegalStateException(formatNumber(this.number) + " is closed");
		}
		if (this.firstResponseAt == null) {
			this.firstResponseAt = at;
		}
		this.lastAgentMessageAt = at;
		if (this.status == TicketStatus.NEW) {
			moveTo(TicketStatus.OPEN, actor, at);
		}
		this.updatedAt = at;
	}

	/**
	 * An automatic message (acknowledgement, safety guidance) went to the customer; it is
	 * not a response by a person, so it neither counts as first response nor opens the
	 * ticket.
	 */
	void automaticReplySent(Instant at) {
		if (this.status == TicketStatus.CLOSED) {
			throw new IllegalStateException(formatNumber(this.number) + " is closed");
		}
		this.updatedAt = at;
	}

	void noteAdded(Instant at) {
		if (this.status == TicketStatus.CLOSED) {
			throw new IllegalStateException(formatNumber(this.number) + " is closed");
		}
		this.updatedAt = at;
	}

	/**
	 * @throws IllegalStateException when the move is not allowed from the current status
	 */
	void moveTo(TicketStatus target, Actor actor, Instant at) {
		if (target == this.status) {
			return;
		}
		if (!this.status.next().contains(target)) {
			throw new IllegalStateException("A ticket cannot move from " + this.status.id() + " to " + target.id());
		}
		TicketStatus previous = this.status;
		this.status = target;
		if (target == TicketStatus.SOLVED) {
			this.solvedAt = at;
		}
		else if (target == TicketStatus.CLOSED) {
			this.closedAt = at;
		}
		else if (previous == TicketStatus.SOLVED) {
			this.solvedAt = null;
		}
		record(actor, at, "status", previous.id(), target.id());
	}

	void prioritize(Priority priority, Actor actor, Instant at) {
		requireNotClosed();
		if (actor.isAgent()) {
			this.prioritySetByAgent = true;
		}
		if (priority != this.priority) {
			record(actor, at, "priority", this.priority.id(), priority.id());
			this.priority = priority;
		}
	}

	void categorize(Category category, Actor actor, Instant at) {
		requireNotClosed();
		if (actor.isAgent()) {
			this.categorySetByAgent = true;
		}
		if (category != this.category) {
			record(actor, at, "category", this.category == null ? null : this.category.id(),
					category == null ? null : category.id());
			this.category = category;
		}
	}

	/**
	 * Takes what triage understood of a customer message, field by field, except where an
	 * agent already decided: the category when there is none yet or the message reports a
	 * security incident, the priority only upwards (a later "thanks" does not calm an
	 * urgent case), the sentiment and language of the latest message.
	 */
	void takeTriage(TriageLabels labels, Instant at) {
		if (this.status == TicketStatus.CLOSED) {
			return;
		}
		Actor triage = Actor.system();
		if (labels.category() != null && !this.categorySetByAgent && labels.category() != this.category
				&& (this.category == null || labels.category() == Category.SECURITY_INCIDENT)) {
			record(triage, at, "category", this.category == null ? null : this.category.id(), labels.category().id());
			this.category = labels.category();
		}
		if (labels.priority() != null && !this.prioritySetByAgent
				&& labels.priority().ordinal() < this.priority.ordinal()) {
			record(triage, at, "priority", this.priority.id(), labels.priority().id());
			this.priority = labels.priority();
		}
		if (labels.sentiment() != null && !this.sentimentSetByAgent && labels.sentiment() != this.sentiment) {
			record(triage, at, "sentiment", this.sentiment == null ? null : this.sentiment.id(),
					labels.sentiment().id());
			this.sentiment = labels.sentiment();
		}
		if (labels.language() != null) {
			this.language = labels.language();
		}
	}

	void judgeSentiment(Sentiment sentiment, Actor actor, Instant at) {
		requireNotClosed();
		if (actor.isAgent()) {
			this.sentimentSetByAgent = true;
		}
		if (sentiment != this.sentiment) {
			record(actor, at, "sentiment", this.sentiment == null ? null : this.sentiment.id(),
					sentiment == null ? null : sentiment.id());
			this.sentiment = sentiment;
		}
	}

	void assign(UUID assigneeId, Actor actor, Instant at) {
		requireNotClosed();
		if (!Objects.equals(assigneeId, this.assigneeId)) {
			record(actor, at, "assignee", str(this.assigneeId), str(assigneeId));
			this.assigneeId = assigneeId;
		}
	}

	void moveToGroup(UUID groupId, Actor actor, Instant at) {
		requireNotClosed();
		if (!Objects.equals(groupId, this.groupId)) {
			record(actor, at, "group", str(this.groupId), str(groupId));
			this.groupId = groupId;
		}
	}

	void retag(Set<String> tags, Actor actor, Instant at) {
		requireNotClosed();
		Set<String> normalized = normalizeTags(tags);
		if (!normalized.equals(tags())) {
			record(actor, at, "tags", String.join(",", tags()), String.join(",", normalized));
			this.tags = normalized.toArray(String[]::new);
		}
	}

	void changeRequester(UUID requesterId, Actor actor, Instant at) {
		if (!requesterId.equals(this.requesterId)) {
			record(actor, at, "requester", str(this.requesterId), str(requesterId));
			this.requesterId = requesterId;
		}
	}

	private void requireNotClosed() {
		if (this.status == TicketStatus.CLOSED) {
			throw new IllegalStateException(formatNumber(this.number) + " is closed and cannot change");
		}
	}

	private void record(Actor actor, Instant at, String field, String oldValue, String newValue) {
		this.pendingChanges.add(new TicketChange(this.id, at, actor, field, oldValue, newValue));
		this.updatedAt = at;
	}

	/** The history entries recorded since the last call, to be saved with the ticket. */
	List<TicketChange> drainChanges() {
		List<TicketChange> drained = List.copyOf(this.pendingChanges);
		this.pendingChanges.clear();
		return drained;
	}

	private static Set<String> normalizeTags(Set<String> tags) {
		Set<String> result = new LinkedHashSet<>();
		if (tags != null) {
			tags.stream()
				.map(tag -> tag.trim().toLowerCase().replaceAll("\\s+", "_"))
				.filter(tag -> !tag.isEmpty())
				.sorted()
				.forEach(result::add);
		}
		return result;
	}

	private static String str(UUID id) {
		return id == null ? null : id.toString();
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	long number() {
		return this.number;
	}

	TicketStatus status() {
		return this.status;
	}

	UUID requesterId() {
		return this.requesterId;
	}

	UUID assigneeId() {
		return this.assigneeId;
	}

	UUID groupId() {
		return this.groupId;
	}

	boolean categorySetByAgent() {
		return this.categorySetByAgent;
	}

	Priority priority() {
		return this.priority;
	}

	Set<String> tags() {
		return new LinkedHashSet<>(Arrays.asList(this.tags));
	}

	TicketView toView() {
		return new TicketView(this.id, formatNumber(this.number), this.subject, this.status, this.priority,
				this.category, this.channel, this.requesterId, this.assigneeId, this.groupId, tags(), this.createdAt,
				this.updatedAt, this.firstResponseAt, this.solvedAt, this.closedAt, this.lastCustomerMessageAt,
				this.lastAgentMessageAt, this.sentiment, this.language);
	}

}
