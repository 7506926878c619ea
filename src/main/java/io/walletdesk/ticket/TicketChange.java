package io.walletdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of a ticket's history: who changed which field from what to what, and when.
 */
@Entity
@Table(name = "ticket_change")
class TicketChange extends NewAwareEntity {

	@Id
	private UUID id;

	private UUID ticketId;

	private Instant changedAt;

	@Convert(converter = Converters.AuthorKindConverter.class)
	private AuthorKind actorKind;

	private UUID actorId;

	private String actorName;

	private String field;

	private String oldValue;

	private String newValue;

	protected TicketChange() {
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	TicketChange(UUID ticketId, Instant at, Actor actor, String field, String oldValue, String newValue) {
		this.id = UUID.randomUUID();
		this.ticketId = ticketId;
		this.changedAt = at;
		this.actorKind = actor.kind();
		this.actorId = actor.id();
		this.actorName = actor.name();
		this.field = field;
		this.oldValue = oldValue;
		this.newValue = newValue;
	}

	String field() {
		return this.field;
	}

	TicketView.Change toView() {
		return new TicketView.Change(this.changedAt, this.actorKind, this.actorId, this.actorName, this.field,
				this.oldValue, this.newValue);
	}

}
