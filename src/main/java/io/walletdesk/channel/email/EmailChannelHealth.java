package io.walletdesk.channel.email;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The e-mail channel in the health view: how many mails are quarantined and each inbox's
 * last poll. It stays UP when a mailbox fails, so one customer's broken mail server does
 * not take the whole application out of a load balancer; the details say what failed.
 */
@Component("emailChannel")
class EmailChannelHealth extends AbstractHealthIndicator {

	private final EmailQuarantine quarantine;

	private final MailboxPoller poller;

	EmailChannelHealth(EmailQuarantine quarantine, MailboxPoller poller) {
		this.quarantine = quarantine;
		this.poller = poller;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Object> inboxes = new LinkedHashMap<>();
		this.poller.status()
			.forEach((inboxId, status) -> inboxes.put(inboxId.toString(),
					status.error() == null ? Map.of("lastPoll", status.at().toString())
							: Map.of("lastPoll", status.at().toString(), "error", status.error())));
		builder.up()
			.withDetail("quarantined", this.quarantine.errorCount())
			.withDetail("automaticIgnored", this.quarantine.automaticCount())
			.withDetail("inboxes", inboxes);
	}

}
