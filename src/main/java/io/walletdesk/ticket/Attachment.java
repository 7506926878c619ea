package io.walletdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "ticket_attachment")
class Attachment extends NewAwareEntity {

	@Id
	private UUID id;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	@Basic(fetch = FetchType.LAZY)
	@Column(columnDefinition = "bytea")
	private byte[] content;

	private Instant createdAt;

	protected Attachment() {
	}

	Attachment(String fileName, String contentType, byte[] content, Instant now) {
		this.id = UUID.randomUUID();
		this.fileName = fileName;
		this.contentType = contentType;
		this.content = content;
		this.sizeBytes = content.length;
		this.createdAt = now;
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String fileName() {
		return this.fileName;
	}

	String contentType() {
		return this.contentType;
	}

	byte[] content() {
		return this.content;
	}

	TicketView.AttachmentView toView() {
		return new TicketView.AttachmentView(this.id, this.fileName, this.contentType, this.sizeBytes);
	}

}
