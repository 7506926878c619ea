package io.walletdesk.channel.email;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets admins see mail the e-mail channel set aside (admin role, by the API security
 * chain's rule for {@code /api/v1/admin/**}).
 */
@RestController
@Tag(name = "Channels")
class EmailQuarantineApi {

	private final EmailQuarantine quarantine;

	EmailQuarantineApi(EmailQuarantine quarantine) {
		this.quarantine = quarantine;
	}

	@GetMapping("/api/v1/admin/channels/email/quarantine")
	@Operation(summary = "Mail the e-mail channel could not turn into ticket messages, newest first (admin)")
	QuarantineList list(@RequestParam(defaultValue = "50") int limit) {
		return new QuarantineList(this.quarantine.errorCount(), this.quarantine.automaticCount(),
				this.quarantine.recent(Math.max(1, Math.min(limit, 500))));
	}

	/**
	 * @param errors mail set aside because it was malformed or too large
	 * @param automatic auto-replies, bounces and list mail deliberately not answered
	 */
	record QuarantineList(long errors, long automatic, List<EmailQuarantine.QuarantinedMail> items) {
	}

}
