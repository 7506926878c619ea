package io.walletdesk.channel.email;

import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.ChannelHealth;
import io.walletdesk.channel.InboxHealth;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.channel.spi.ChannelCheck;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailbox whose server is gone shows as failing in the health view, with the poll's
 * error and its own quarantine counts.
 */
@WalletDeskIntegrationTest
class EmailHealthIntegrationTests {

	@Autowired
	InboxManagement inboxes;

	@Autowired
	MailboxPoller poller;

	@Autowired
	EmailQuarantine quarantine;

	@Autowired
	ChannelHealth health;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void aFailingPollAndQuarantinedMailShowInTheInboxHealth() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		RecordingApi.setProperty(this.environment, "HEALTH_MAIL_PASSWORD", "secret");
		InboxView broken = this.inboxes.create("email", "Gone " + UUID.randomUUID(), Map.of("host", "127.0.0.1", "port",
				String.valueOf(closedPort), "username", "support", "passwordEnv", "HEALTH_MAIL_PASSWORD"), null);
		this.quarantine.add(broken.id(), EmailQuarantine.MALFORMED, "no headers", null, "a@example.test", null, 12);
		this.quarantine.add(broken.id(), EmailQuarantine.AUTOMATIC, "auto-reply", null, "b@example.test", null, 12);

		this.poller.poll(broken.id());
		this.health.checkNow();

		InboxHealth health = this.health.of(broken.id()).orElseThrow();
		assertThat(health.check().state()).isEqualTo(ChannelCheck.State.FAILING);
		assertThat(health.check().detail()).startsWith("Last poll failed").contains("Connect");
		assertThat(health.check().figures()).containsEntry("quarantined", 1L).containsEntry("automaticIgnored", 1L);
		assertThat(health.problems()).contains("check_failing");
		assertThat(health.missingCredentials()).isEmpty();
		assertThat(health.status()).isEqualTo("failing");
	}

}
