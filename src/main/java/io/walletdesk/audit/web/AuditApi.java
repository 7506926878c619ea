package io.walletdesk.audit.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.audit.AuditEntry;
import io.walletdesk.audit.AuditLog;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.Page;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
class AuditApi {

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "The audit log, newest first (supervisors)")
	Page<AuditEntry> list(@RequestParam(required = false) String kind, @RequestParam(required = false) UUID ticket,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "must be between 1 and 200");
		}
		return this.audit.list(kind, ticket, cursor, limit);
	}

}
