package io.walletdesk.channel.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.channel.ChannelHealth;
import io.walletdesk.channel.InboxHealth;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.spi.ChannelSetting;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inboxes for admins: which channels exist, their settings (names of environment
 * variables, never secrets) and the endpoints the outside world must call. Health is also
 * open to supervisors.
 */
@RestController
@RequestMapping("/api/v1/inboxes")
@Tag(name = "Inboxes")
@ApiResponse(responseCode = "400", description = "Invalid input; the offending fields are listed under errors",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not an admin (health: not a supervisor)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class InboxesApi {

	private final InboxManagement inboxes;

	private final ChannelHealth health;

	private final AgentManagement agents;

	InboxesApi(InboxManagement inboxes, ChannelHealth health, AgentManagement agents) {
		this.inboxes = inboxes;
		this.health = health;
		this.agents = agents;
	}

	@GetMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "All inboxes with their endpoints (admin)")
	List<InboxResponse> list() {
		String base = InboxEndpoints.base();
		return this.inboxes.all().stream().map(inbox -> InboxResponse.of(inbox, base)).toList();
	}

	@GetMapping("/kinds")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "The inbox kinds this installation serves and the settings each accepts (admin)")
	List<KindResponse> kinds() {
		return this.inboxes.kinds()
			.stream()
			.map(kind -> new KindResponse(kind, this.inboxes.settingsOf(kind).orElse(null)))
			.toList();
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create an inbox (admin)")
	@ApiResponse(responseCode = "201", description = "Created; the body holds the endpoints to configure")
	ResponseEntity<InboxResponse> create(@Valid @RequestBody CreateInbox request) {
		checkGroup(request.groupId());
		InboxView inbox = this.inboxes.create(request.kind(), request.name(), request.settings(), request.groupId());
		return ResponseEntity.created(URI.create("/api/v1/inboxes/" + inbox.id()))
			.body(InboxResponse.of(inbox, InboxEndpoints.base()));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "One inbox with its endpoints (admin)")
	@ApiResponse(responseCode = "404", description = "No such inbox",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	InboxResponse get(@PathVariable UUID id) {
		return InboxResponse.of(load(id), InboxEndpoints.base());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Rename an inbox, replace its settings and group (admin); kind and public key stay")
	InboxResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateInbox request) {
		load(id);
		checkGroup(request.groupId());
		return InboxResponse.of(this.inboxes.configure(id, request.name(), request.settings(), request.groupId()),
				InboxEndpoints.base());
	}

	@PostMapping("/{id}/enable")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Enable an inbox (admin)")
	InboxResponse enable(@PathVariable UUID id) {
		load(id);
		return InboxResponse.of(this.inboxes.enable(id, true), InboxEndpoints.base());
	}

	@PostMapping("/{id}/disable")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Disable an inbox: its endpoint and poller stop accepting messages (admin)")
	InboxResponse disable(@PathVariable UUID id) {
		load(id);
		return InboxResponse.of(this.inboxes.enable(id, false), InboxEndpoints.base());
	}

	@GetMapping("/health")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "Every inbox's health: traffic, failing replies, refused requests, credentials (supervisor)")
	List<InboxHealth> health() {
		return this.health.all();
	}

	private InboxView load(UUID id) {
		return this.inboxes.find(id).orElseThrow(() -> new NotFoundException("Inbox", id));
	}

	private void checkGroup(UUID groupId) {
		if (groupId != null && this.agents.group(groupId).isEmpty()) {
			throw new InvalidInputException("groupId", "no such group");
		}
	}

	record CreateInbox(@NotBlank @Size(max = 32) String kind, @NotBlank @Size(max = 100) String name,
			Map<String, String> settings, UUID groupId) {
	}

	record UpdateInbox(@NotBlank @Size(max = 100) String name, Map<String, String> settings, UUID groupId) {
	}

	/**
	 * @param settings the settings the kind accepts, or null when its adapter does not
	 * describe them (then any are stored as given)
	 */
	record KindResponse(String kind, List<ChannelSetting> settings) {
	}

	/**
	 * @param endpoints what the outside world must call or embed for this inbox
	 */
	record InboxResponse(UUID id, String kind, String name, String publicKey, Map<String, String> settings,
			boolean enabled, UUID groupId, Instant createdAt, List<InboxEndpoints.Endpoint> endpoints) {

		static InboxResponse of(InboxView inbox, String base) {
			return new InboxResponse(inbox.id(), inbox.kind(), inbox.name(), inbox.publicKey(), inbox.settings(),
					inbox.enabled(), inbox.groupId(), inbox.createdAt(), InboxEndpoints.of(inbox, base));
		}

	}

}
