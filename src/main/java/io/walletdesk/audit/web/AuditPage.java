package io.walletdesk.audit.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.walletdesk.audit.AuditEntry;
import io.walletdesk.audit.AuditLog;
import io.walletdesk.platform.Page;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log in the console, for supervisors: secrets removed, replies blocked,
 * phishing links seen and unofficial links sent.
 */
@Controller
class AuditPage {

	static final List<String> KINDS = List.of("secret_redacted", "reply_blocked", "phishing_link",
			"unofficial_link_sent");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditLog audit;

	AuditPage(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String cursor,
			Model model) {
		String filter = KINDS.contains(kind) ? kind : null;
		Page<AuditEntry> page = this.audit.list(filter, null, cursor, 100);
		model.addAttribute("entries",
				page.items()
					.stream()
					.map(entry -> new Row(FORMAT.format(entry.at().atZone(ZoneOffset.UTC)), entry.at().toString(),
							entry.kind(), entry.actorKind(), entry.actorName(), entry.ticketId(), entry.detail()))
					.toList());
		model.addAttribute("next", page.nextCursor());
		model.addAttribute("kinds", KINDS);
		model.addAttribute("kind", filter);
		return "audit/list";
	}

	record Row(String at, String atIso, String kind, String actorKind, String actorName, java.util.UUID ticketId,
			String detail) {
	}

}
