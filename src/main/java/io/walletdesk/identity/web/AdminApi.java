package io.walletdesk.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.ApiTokenView;
import io.walletdesk.identity.GroupView;
import io.walletdesk.identity.IssuedToken;
import io.walletdesk.identity.NewAgent;
import io.walletdesk.platform.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agents and tokens")
class AdminApi {

	private final AgentManagement agents;

	AdminApi(AgentManagement agents) {
		this.agents = agents;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "The agent behind the current token or session")
	AgentView me(@AuthenticationPrincipal AgentPrincipal agent) {
		return this.agents.find(agent.id()).orElseThrow(() -> new NotFoundException("Agent", agent.id()));
	}

	@GetMapping("/api/v1/groups")
	@Operation(summary = "All groups")
	List<GroupView> groups() {
		return this.agents.groups();
	}

	@GetMapping("/api/v1/admin/agents")
	@Operation(summary = "All agents (admin)")
	List<AgentView> agents() {
		return this.agents.all();
	}

	@PostMapping("/api/v1/admin/agents")
	@Operation(summary = "Create an agent (admin)")
	ResponseEntity<AgentView> createAgent(@Valid @RequestBody NewAgent request) {
		AgentView agent = this.agents.create(request);
		return ResponseEntity.created(URI.create("/api/v1/admin/agents/" + agent.id())).body(agent);
	}

	@PostMapping("/api/v1/admin/groups")
	@Operation(summary = "Create a group (admin)")
	ResponseEntity<GroupView> createGroup(@Valid @RequestBody GroupRequest request) {
		GroupView group = this.agents.createGroup(request.name(), request.description());
		return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id())).body(group);
	}

	@GetMapping("/api/v1/admin/tokens")
	@Operation(summary = "All API tokens, without their values (admin)")
	List<ApiTokenView> tokens() {
		return this.agents.tokens();
	}

	@PostMapping("/api/v1/admin/agents/{agentId}/tokens")
	@Operation(summary = "Issue an API token acting as an agent; the value is shown once (admin)")
	ResponseEntity<IssuedToken> issue(@PathVariable UUID agentId, @Valid @RequestBody TokenRequest request) {
		IssuedToken token = this.agents.issueToken(agentId, request.name());
		return ResponseEntity.created(URI.create("/api/v1/admin/tokens/" + token.token().id())).body(token);
	}

	@DeleteMapping("/api/v1/admin/tokens/{tokenId}")
	@Operation(summary = "Revoke an API token (admin)")
	ResponseEntity<Void> revoke(@PathVariable UUID tokenId) {
		this.agents.revokeToken(tokenId);
		return ResponseEntity.noContent().build();
	}

	record GroupRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description) {
	}

	record TokenRequest(@NotBlank @Size(max = 100) String name) {
	}

}
