package io.walletdesk.ticket;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.walletdesk.DatabaseSearch;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.audit.AuditEntry;
import io.walletdesk.audit.AuditLog;
import io.walletdesk.channel.ChannelIntake;
import io.walletdesk.channel.InboundMessage;
import io.walletdesk.channel.IntakeResult;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.Role;
import io.walletdesk.safety.Phrases;
import io.walletdesk.safety.internal.Bip39;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The end-to-end proof that a pasted secret never reaches storage or logs, through every
 * way a message enters today, and that nobody can use WalletDesk to ask a customer for
 * one.
 */
@WalletDeskIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverPersistIntegrationTests {

	private final Random random = new SecureRandom();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents testAgents;

	@Autowired
	ChannelIntake intake;

	@Autowired
	TicketManagement tickets;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	String token;

	@BeforeEach
	void signIn() {
		this.token = this.testAgents.token(Role.AGENT);
	}

	private String mnemonic(Bip39.Wordlist list) {
		return String.join(list == Bip39.Wordlist.ENGLISH ? " " : "", Phrases.valid(this.random, 12, list));
	}

	private String privateKey() {
		byte[] key = new byte[32];
		this.random.nextBytes(key);
		return HexFormat.of().formatHex(key);
	}

	private String openTicket(String json) throws Exception {
		return JsonPath
			.read(this.mvc
				.perform(post("/api/v1/tickets").header("Authorization", this.token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
	}

	private static String email() {
		return "victim-" + UUID.randomUUID() + "@example.test";
	}

	@Test
	void secretsSentThroughTheApiAndChannelsNeverReachTheDatabaseOrTheLogs(CapturedOutput output) throws Exception {
		String apiPhrase = mnemonic(Bip39.Wordlist.ENGLISH);
		String subjectPhrase = mnemonic(Bip39.Wordlist.ENGLISH);
		String htmlPhrase = mnemonic(Bip39.Wordlist.ENGLISH);
		String attachedPhrase = mnemonic(Bip39.Wordlist.ENGLISH);
		String key = privateKey();
		String chinesePhrase = mnemonic(Bip39.Wordlist.CHINESE_SIMPLIFIED);
		String notePhrase = mnemonic(Bip39.Wordlist.ENGLISH);

		String viaApi = openTicket(
				"""
						{"requester":{"email":"%s"},"subject":"SOS: %s","body":"Someone is draining my wallet! My seed phrase is %s and my private key: %s"}"""
					.formatted(email(), subjectPhrase, apiPhrase, key));
		String viaHtml = openTicket("""
				{"requester":{"email":"%s"},"bodyHtml":"<p>My recovery phrase:<br>%s</p>",
				 "attachments":[{"fileName":"backup.txt","contentType":"text/plain","contentBase64":"%s"}]}"""
			.formatted(email(), htmlPhrase,
					Base64.getEncoder().encodeToString(("words: " + attachedPhrase).getBytes())));
		UUID inbox = UUID.randomUUID();
		this.jdbc.sql(
				"insert into channel_inbox (id, kind, name, public_key, created_at) values (?, 'telegram', 'Bot', ?, now())")
			.params(inbox, "k" + inbox)
			.update();
		IntakeResult viaChannel = this.intake
			.receive(new InboundMessage(inbox, "tg-1", "chat-" + inbox, null, IdentityKind.TELEGRAM, "chat-" + inbox,
					"小王", null, null, "我的助记词是\n" + chinesePhrase + "\n钱被转走了怎么办", null, List.of(), null));
		this.mvc
			.perform(post("/api/v1/tickets/" + viaApi + "/messages").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"customer phoned, read out: " + notePhrase + "\",\"visibility\":\"internal\"}"))
			.andExpect(status().isCreated());

		for (String secret : List.of(apiPhrase, subjectPhrase, htmlPhrase, attachedPhrase, key, chinesePhrase,
				notePhrase)) {
			assertThat(DatabaseSearch.placesContaining(this.jdbc, secret)).as("places holding a secret").isEmpty();
			assertThat(output.getAll()).doesNotContain(secret);
			String firstWords = secret.contains(" ") ? String.join(" ", List.of(secret.split(" ")).subList(0, 4))
					: secret.substring(0, Math.min(6, secret.length()));
			assertThat(DatabaseSearch.placesContaining(this.jdbc, firstWords)).as("places holding part of a secret")
				.isEmpty();
		}

		TicketView.Details api = this.tickets.details(UUID.fromString(viaApi));
		assertThat(api.messages().get(0).body()).contains("[redacted: mnemonic, 12 words]")
			.contains("[redacted: private key]")
			.startsWith("Someone is draining my wallet!");
		assertThat(api.ticket().subject()).isEqualTo("SOS: [redacted: mnemonic, 12 words]");
		assertThat(api.ticket().priority()).isEqualTo(Priority.URGENT);
		assertThat(api.ticket().category()).isEqualTo(Category.SECURITY_INCIDENT);
		assertThat(api.messages()).anySatisfy(message -> {
			assertThat(message.authorKind()).isEqualTo(AuthorKind.SYSTEM);
			assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
			assertThat(message.body()).contains("never ask").contains("new wallet");
		});
		assertThat(api.ticket().firstResponseAt()).as("an automatic reply is not a human response").isNull();
		assertThat(this.audit.list("secret_redacted", UUID.fromString(viaApi), null, 10).items())
			.extracting(AuditEntry::detail)
			.anySatisfy(detail -> assertThat(detail).contains("mnemonic (12 words)").contains("private_key"));

		TicketView.Details html = this.tickets.details(UUID.fromString(viaHtml));
		assertThat(html.messages().get(0).bodyHtml()).contains("[redacted: mnemonic, 12 words]");
		UUID attachmentId = html.messages().get(0).attachments().get(0).id();
		assertThat(new String(this.tickets.attachment(html.ticket().id(), attachmentId).orElseThrow().content()))
			.isEqualTo("words: [redacted: mnemonic, 12 words]");

		TicketView.Details channel = this.tickets.details(viaChannel.ticketId());
		assertThat(channel.messages().get(0).body()).contains("[redacted: mnemonic, 12 words]").startsWith("我的助记词是");
		assertThat(channel.messages()).anySatisfy(message -> {
			assertThat(message.authorKind()).isEqualTo(AuthorKind.SYSTEM);
			assertThat(message.body()).contains("助记词");
		});
		assertThat(channel.ticket().priority()).isEqualTo(Priority.URGENT);
	}

	@Test
	void aBareKeyIsRecognisedWhenItDerivesTheCustomersKnownAddress() throws Exception {
		String key = privateKey();
		String address = org.web3j.crypto.Credentials.create(key).getAddress();
		String email = email();
		String customer = JsonPath.read(this.mvc
			.perform(post("/api/v1/customers").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"identities\":[{\"kind\":\"email\",\"value\":\"" + email + "\"}]}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.patch("/api/v1/customers/" + customer)
				.header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"addWalletAddresses\":[\"" + address + "\"]}"))
			.andExpect(status().isOk());
		String withKnownAddress = openTicket(
				"{\"requester\":{\"email\":\"" + email + "\"},\"body\":\"what is this? " + key + "\"}");
		assertThat(this.tickets.details(UUID.fromString(withKnownAddress)).messages().get(0).body())
			.isEqualTo("what is this? [redacted: private key]");
		String stranger = openTicket(
				"{\"requester\":{\"email\":\"" + email() + "\"},\"body\":\"what is this? " + key + "\"}");
		assertThat(this.tickets.details(UUID.fromString(stranger)).messages().get(0).body())
			.as("without a known address a bare 64-hex string reads as a transaction hash")
			.isEqualTo("what is this? " + key);
	}

	@Test
	void anAgentCategoryIsKeptWhenASecretArrives() throws Exception {
		String id = openTicket("{\"requester\":{\"email\":\"" + email()
				+ "\"},\"body\":\"import fails\",\"category\":\"wallet_setup\"}");
		this.tickets.post(UUID.fromString(id),
				new PostMessage(Actor.customer(UUID.randomUUID(), "c"), Visibility.PUBLIC,
						"here are my words " + mnemonic(Bip39.Wordlist.ENGLISH), null, Channel.EMAIL, null, null,
						List.of(), null));
		TicketView ticket = this.tickets.get(UUID.fromString(id));
		assertThat(ticket.category()).isEqualTo(Category.WALLET_SETUP);
		assertThat(ticket.priority()).isEqualTo(Priority.URGENT);
	}

	@Test
	void repliesAskingForSecretsAreBlockedExplainedAndAudited() throws Exception {
		String id = openTicket("{\"requester\":{\"email\":\"" + email() + "\"},\"body\":\"我的币不见了\"}");
		for (String request : List.of("请提供您的助记词，我们帮您恢复钱包",
				"Please send us your 12-word recovery phrase to verify the wallet",
				"Please install AnyDesk so I can check your wallet remotely")) {
			this.mvc
				.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", this.token)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"body\":\"" + request + "\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.title").value("Reply blocked"))
				.andExpect(jsonPath("$.detail").exists());
		}
		assertThat(this.audit.list("reply_blocked", UUID.fromString(id), null, 10).items()).hasSize(3);
		assertThat(this.tickets.details(UUID.fromString(id)).messages()).hasSize(1);

		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"请放心，我们绝不会索要您的助记词或私钥。\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void linksToNonOfficialSitesNeedTheAgentsConfirmation() throws Exception {
		String id = openTicket("{\"requester\":{\"email\":\"" + email() + "\"},\"body\":\"how do I revoke?\"}");
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Use https://revoke.example.net to revoke approvals\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.links", hasItem("https://revoke.example.net")));
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Use https://revoke.example.net to revoke approvals\",\"confirmLinks\":true}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"See https://help.walletdesk.io/revoke\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void lookalikeLinksAreFlaggedForTheAgentAndTheCustomerIsWarnedOnce() throws Exception {
		String id = openTicket("{\"requester\":{\"email\":\"" + email()
				+ "\"},\"body\":\"Support on Telegram told me to verify at https://wa11etdesk.io/verify is it you?\"}");
		this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", this.token))
			.andExpect(jsonPath("$.messages[0].linkWarnings[0].url").value("https://wa11etdesk.io/verify"))
			.andExpect(jsonPath("$.messages[0].linkWarnings[0].resembles").value("walletdesk.io"))
			.andExpect(jsonPath("$.messages[1].authorKind").value("system"))
			.andExpect(jsonPath("$.messages[1].body").value(org.hamcrest.Matchers.containsString("phishing")));
		this.tickets.post(UUID.fromString(id),
				new PostMessage(Actor.customer(UUID.randomUUID(), "c"), Visibility.PUBLIC,
						"and this one walletdesk-support.com ?", null, Channel.EMAIL, null, null, List.of(), null));
		assertThat(this.tickets.details(UUID.fromString(id)).messages())
			.filteredOn(m -> m.authorKind() == AuthorKind.SYSTEM)
			.hasSize(1);
	}

	@Test
	void theScanApiReportsSecretsAndLinksWithOffsetsIntoTheOriginal() throws Exception {
		String phrase = mnemonic(Bip39.Wordlist.ENGLISH);
		String text = "seed: " + phrase + " site: http://walletdesk-login.com";
		this.mvc
			.perform(post("/api/v1/safety/scan").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"" + text + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.redactedText")
				.value("seed: [redacted: mnemonic, 12 words] site: http://walletdesk-login.com"))
			.andExpect(jsonPath("$.secrets[0].type").value("mnemonic"))
			.andExpect(jsonPath("$.secrets[0].start").value(6))
			.andExpect(jsonPath("$.secrets[0].end").value(6 + phrase.length()))
			.andExpect(jsonPath("$.secrets[0].words").value(12))
			.andExpect(jsonPath("$.links[0].verdict").value("lookalike"))
			.andExpect(jsonPath("$.links[0].resembles").value("walletdesk.io"));
		this.mvc
			.perform(post("/api/v1/safety/scan").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		this.mvc
			.perform(post("/api/v1/safety/scan").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
			.andExpect(status().isUnauthorized());
	}

}
