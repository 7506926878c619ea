package io.walletdesk.channel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.walletdesk.WalletDeskIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The worked examples in {@code docs/channels/signed-webhook.md} and
 * {@code docs/channels/in-app-api.md}: the documented canonical strings and signatures
 * are exactly what the verifier accepts, at the documented time.
 */
@WalletDeskIntegrationTest
class SignatureExampleIntegrationTests {

	static final String SECRET = "example-secret-do-not-use";

	static final String TIMESTAMP = "1767225600";

	static final String NONCE = "3f9c2a7b1e4d4c8a";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InboxManagement inboxes;

	private RequestSignatures verifierAt(Instant now) {
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		return new RequestSignatures(this.jdbc, clock, new ChannelRefusals(clock));
	}

	private static HttpHeaders headers(String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAll(Map.of(RequestSignatures.TIMESTAMP, TIMESTAMP, RequestSignatures.NONCE, NONCE,
				RequestSignatures.SIGNATURE, signature));
		return headers;
	}

	@Test
	void theSignedWebhookExampleVerifies() {
		String path = "/channels/webhook/webhook_5b0e8c1f2a3d4e6f7a8b9c0d/messages";
		String body = """
				{"messageId":"wb-1001","conversationId":"weibo-dm-42","sender":{"id":"5678901234","name":"Xiao Wang"},\
				"language":"zh-CN","text":"Where is my withdrawal?"}""";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(RequestSignatures.canonical(TIMESTAMP, NONCE, "POST", path, bytes)).isEqualTo("""
				1767225600
				3f9c2a7b1e4d4c8a
				POST
				/channels/webhook/webhook_5b0e8c1f2a3d4e6f7a8b9c0d/messages
				a2bb0d7f6afb06b7403af9a7aa6f32522b32ad9064ea8e39bd0d9a19a1f22d82""");
		String signature = "v1=e555b298ce2cfb692d51df738428c6ac2923b0c1c73ba8f623e1f6a96b757bb3";
		InboxView inbox = this.inboxes.create("webhook", "Example " + System.nanoTime(), Map.of(), null);

		verifierAt(Instant.parse("2026-01-01T00:01:00Z")).verify(inbox.id(), SECRET, "POST", path, headers(signature),
				bytes);
		assertThatExceptionOfType(SignatureRejectedException.class)
			.isThrownBy(() -> verifierAt(Instant.parse("2026-01-01T00:01:00Z")).verify(inbox.id(), SECRET, "POST", path,
					headers(signature), bytes))
			.satisfies(ex -> assertThat(ex.properties()).containsEntry("reason", "replayed"));
	}

	@Test
	void theInAppExamplesVerify() {
		InboxView inbox = this.inboxes.create("in_app", "Example " + System.nanoTime(), Map.of(), null);
		String body = """
				{"messageId":"m-1001","userId":"u-42","appVersion":"4.2.1","os":"iOS 17.4",\
				"text":"Where is my withdrawal?"}""";
		verifierAt(Instant.parse("2026-01-01T00:00:00Z")).verify(inbox.id(), SECRET, "POST",
				"/channels/app/in_app_5b0e8c1f2a3d4e6f7a8b9c0d/messages",
				headers("v1=1e43aae741a80f202fc151172544ab3a0c73df104830134edb14090a5a1da469"),
				body.getBytes(StandardCharsets.UTF_8));

		InboxView other = this.inboxes.create("in_app", "Example " + System.nanoTime(), Map.of(), null);
		verifierAt(Instant.parse("2025-12-31T23:58:00Z")).verify(other.id(), SECRET, "GET",
				"/channels/app/in_app_5b0e8c1f2a3d4e6f7a8b9c0d/users/u-42/messages?limit=20",
				headers("v1=e965ed82ccf872d15bb127851aaa81cc0d68229ee2e81efc059798d0371d08d3"), new byte[0]);
	}

}
