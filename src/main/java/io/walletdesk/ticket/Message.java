package io.walletdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "ticket_message")
class Message extends NewAwareEntity {

	@Id
	private UUID id;

	private UUID ticketId;

	@Convert(converter = Converters.AuthorKindConverter.class)
	private AuthorKind authorKind;

	private UUID authorId;

	private String authorName;

	@Convert(converter = Converters.VisibilityConverter.class)
	private Visibility visibility;

	private String body;

	private String bodyHtml;

	@Convert(converter = Converters.ChannelConverter.class)
	private Channel channel;

	private String externalId;

	private Instant receivedAt;

	private Instant createdAt;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private String[] linkWarnings = new String[0];

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "message_id", nullable = false, updatable = false)
	private List<Attachment> attachments = new ArrayList<>();

	protected Message() {
	}

	Message(UUID ticketId, Actor author, Visibility visibility, String body, String bodyHtml, Channel channel,
			String externalId, Instant receivedAt, Instant now) {
		if (author.kind() == AuthorKind.CUSTOMER && visibility == Visibility.INTERNAL) {
			throw new IllegalArgumentException("Customers cannot write internal notes");
		}
		this.id = UUID.randomUUID();
		this.ticketId = ticketId;
		this.authorKind = author.kind();
		this.authorId = author.id();
		this.authorName = author.name();
		this.visibility = visibility;
		this.body = body;
		this.bodyHtml = bodyHtml;
		this.channel = channel;
		this.externalId = externalId;
		this.receivedAt = receivedAt;
		this.createdAt = now;
	}

	void warnAbout(List<TicketView.LinkWarning> warnings) {
		this.linkWarnings = warnings.stream()
			.map(w -> w.url() + "\t" + w.reason() + "\t" + (w.resembles() == null ? "" : w.resembles()))
			.toArray(String[]::new);
	}

	void attach(Attachment attachment) {
		this.attachments.add(attachment);
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	UUID ticketId() {
		return this.ticketId;
	}

	List<Attachment> attachments() {
		return this.attachments;
	}

	TicketView.MessageView toView() {
		return new TicketView.MessageView(this.id, this.authorKind, this.authorId, this.authorName, this.visibility,
				this.body, this.bodyHtml, this.channel, this.externalId, this.receivedAt,
				this.attachments.stream().map(Attachment::toView).toList(), linkWarnings());
	}

	private List<TicketView.LinkWarning> linkWarnings() {
		return java.util.Arrays.stream(this.linkWarnings).map(line -> {
			String[] parts = line.split("\t", -1);
			return new TicketView.LinkWarning(parts[0], parts.length > 1 ? parts[1] : "",
					parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null);
		}).toList();
	}

}
