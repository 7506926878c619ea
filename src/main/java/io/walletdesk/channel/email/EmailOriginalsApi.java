package io.walletdesk.channel.email;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original mail behind a ticket message, for agents who may see the ticket.
 */
@RestController
@Tag(name = "Channels")
class EmailOriginalsApi {

	private final EmailOriginals originals;

	private final TicketManagement tickets;

	EmailOriginalsApi(EmailOriginals originals, TicketManagement tickets) {
		this.originals = originals;
		this.tickets = tickets;
	}

	@GetMapping("/api/v1/channels/email/originals/{messageId}")
	@Operation(summary = "The raw MIME (original.eml) of the mail a ticket message came from")
	ResponseEntity<byte[]> original(@PathVariable UUID messageId, @AuthenticationPrincipal AgentPrincipal agent) {
		EmailOriginals.Original original = this.originals.find(messageId)
			.orElseThrow(() -> new NotFoundException("Original mail", messageId));
		TicketAccess.check(agent, this.tickets.get(original.ticketId()));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("original.eml").build().toString())
			.body(original.raw());
	}

}
