package io.walletdesk.channel.wechat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class WeChatChannelIntegrationTests {

	static final String SERVER_TOKEN = "walletdesk-token";

	static RecordingApi wechat;

	static final AtomicInteger issuedTokens = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TestAgents agents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	InboxView inbox;

	String appId;

	volatile int expiresIn = 7200;

	volatile int staleAnswers;

	@BeforeAll
	static void startWeChat() throws Exception {
		wechat = new RecordingApi();
	}

	@AfterAll
	static void stopWeChat() {
		wechat.close();
	}

	@BeforeEach
	void inbox() {
		RecordingApi.setProperty(this.environment, "walletdesk.channel.wechat.api-base-url", wechat.baseUrl());
		RecordingApi.setProperty(this.environment, "WALLETDESK_WECHAT_TOKEN_TEST", SERVER_TOKEN);
		RecordingApi.setProperty(this.environment, "WALLETDESK_WECHAT_AES_TEST", WeChatCryptoUnitTests.AES_KEY);
		RecordingApi.setProperty(this.environment, "WALLETDESK_WECHAT_SECRET_TEST", "app-secret");
		// A fresh app id per test, so each test starts without a cached access token.
		this.appId = "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		wechat.answer(call -> {
			if (call.path().equals("/cgi-bin/token")) {
				return new RecordingApi.Answer(200, "{\"access_token\":\"AT-%d\",\"expires_in\":%d}"
					.formatted(issuedTokens.incrementAndGet(), this.expiresIn));
			}
			if (call.path().equals("/cgi-bin/media/get")) {
				return call.query().contains("media_id=MEDIA-OK")
						? new RecordingApi.Answer(200, "jpeg-bytes-of-a-screenshot", "image/jpeg")
						: new RecordingApi.Answer(200, "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}");
			}
			if (this.staleAnswers > 0) {
				this.staleAnswers--;
				return new RecordingApi.Answer(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
			}
			return new RecordingApi.Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
		});
		this.inbox = this.inboxes.create("wechat", "Official account " + UUID.randomUUID(),
				Map.of("appId", this.appId, "appSecretEnv", "WALLETDESK_WECHAT_SECRET_TEST", "tokenEnv",
						"WALLETDESK_WECHAT_TOKEN_TEST", "encodingAesKeyEnv", "WALLETDESK_WECHAT_AES_TEST",
						"welcomeText", "欢迎关注！Welcome: support is here 24/7."),
				null);
	}

	/**
	 * WeChat signs every push with the current time; pushes older than five minutes are
	 * refused.
	 */
	static final String NOW = String.valueOf(java.time.Instant.now().getEpochSecond());

	@Test
	void aPushSignedLongAgoIsRefusedAsAReplay() throws Exception {
		String openId = openId();
		String old = String.valueOf(java.time.Instant.now().minusSeconds(600).getEpochSecond());
		this.mvc
			.perform(post("/channels/wechat/{key}", this.inbox.publicKey()).contentType(MediaType.TEXT_XML)
				.content(text(openId, "1", "hi"))
				.param("signature", WeChatCrypto.signature(SERVER_TOKEN, old, "nonce123"))
				.param("timestamp", old)
				.param("nonce", "nonce123"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(threads()).isZero();
	}

	private ResultActions push(String xml, String... extraParams) throws Exception {
		String timestamp = NOW;
		String nonce = "nonce123";
		var request = post("/channels/wechat/{key}", this.inbox.publicKey()).contentType(MediaType.TEXT_XML)
			.content(xml)
			.param("signature", WeChatCrypto.signature(SERVER_TOKEN, timestamp, nonce))
			.param("timestamp", timestamp)
			.param("nonce", nonce);
		for (int i = 0; i < extraParams.length; i += 2) {
			request.param(extraParams[i], extraParams[i + 1]);
		}
		return this.mvc.perform(request);
	}

	private static String text(String openId, String msgId, String content) {
		return """
				<xml><ToUserName><![CDATA[gh_walletdesk]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>
				<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>
				<Content><![CDATA[%s]]></Content><MsgId>%s</MsgId></xml>""".formatted(openId, content, msgId);
	}

	private static String openId() {
		return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
	}

	@Test
	void theServerUrlIsVerifiedByEchoingOnlyWithTheRightSignature() throws Exception {
		this.mvc
			.perform(get("/channels/wechat/{key}", this.inbox.publicKey())
				.param("signature", "501627f334f6445d4c5e0b37c6da7a05b6e14e0a")
				.param("timestamp", "1700000000")
				.param("nonce", "nonce123")
				.param("echostr", "echo-4711"))
			.andExpect(status().isOk())
			.andExpect(content().string("echo-4711"));
		this.mvc
			.perform(get("/channels/wechat/{key}", this.inbox.publicKey()).param("signature", "0".repeat(40))
				.param("timestamp", "1700000000")
				.param("nonce", "nonce123")
				.param("echostr", "echo-4711"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anImageIsFetchedThroughTheMediaApiAndKeptAsAnAttachment() throws Exception {
		String openId = openId();
		push(image(openId, "7001", "MEDIA-OK", "http://169.254.169.254/latest/meta-data")).andExpect(status().isOk())
			.andExpect(content().string("success"));
		push(image(openId, "7002", "MEDIA-GONE", "https://mmbiz.qpic.cn/gone.jpg")).andExpect(status().isOk());

		UUID ticketId = ticketOf(openId);
		List<TicketView.MessageView> messages = this.tickets.details(ticketId).messages();
		assertThat(messages.get(0).body()).isEqualTo("[image]");
		assertThat(messages.get(0).attachments()).singleElement().satisfies(attachment -> {
			assertThat(attachment.contentType()).isEqualTo("image/jpeg");
			assertThat(attachment.fileName()).isEqualTo("wechat-image-7001.jpg");
			assertThat(new String(this.tickets.attachment(ticketId, attachment.id()).orElseThrow().content(),
					java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo("jpeg-bytes-of-a-screenshot");
		});
		// An image WeChat cannot serve keeps its link, and the push's own URL is never
		// fetched.
		assertThat(messages.get(1).body()).isEqualTo("[image] https://mmbiz.qpic.cn/gone.jpg");
		assertThat(messages.get(1).attachments()).isEmpty();
		assertThat(wechat.calls()).noneMatch(call -> call.path().contains("meta-data"));
	}

	private static String image(String openId, String msgId, String mediaId, String picUrl) {
		return """
				<xml><ToUserName><![CDATA[gh_walletdesk]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>
				<CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType>
				<PicUrl><![CDATA[%s]]></PicUrl><MediaId><![CDATA[%s]]></MediaId><MsgId>%s</MsgId></xml>"""
			.formatted(openId, picUrl, mediaId, msgId);
	}

	@Test
	void aTextMessageBecomesATicketAndARetryIsStoredOnce() throws Exception {
		String openId = openId();
		String msgId = String.valueOf(System.nanoTime());
		push(text(openId, msgId, "提币三小时没到账")).andExpect(status().isOk()).andExpect(content().string("success"));
		push(text(openId, msgId, "提币三小时没到账")).andExpect(status().isOk()).andExpect(content().string("success"));
		push(text(openId, msgId + "1", "TXID 0xabc")).andExpect(status().isOk());
		TicketView.Details details = this.tickets.details(ticketOf(openId));
		assertThat(customerMessages(details.ticket().id())).extracting(TicketView.MessageView::body)
			.containsExactly("提币三小时没到账", "TXID 0xabc");
		assertThat(details.ticket().channel().id()).isEqualTo("wechat");
	}

	@Test
	void aPushWithoutAValidSignatureIsRejectedAndNothingStored() throws Exception {
		String openId = openId();
		this.mvc
			.perform(post("/channels/wechat/{key}", this.inbox.publicKey()).contentType(MediaType.TEXT_XML)
				.content(text(openId, "1", "hi"))
				.param("signature", "0".repeat(40))
				.param("timestamp", "1700000000")
				.param("nonce", "nonce123"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/channels/wechat/{key}", this.inbox.publicKey()).contentType(MediaType.TEXT_XML)
				.content(text(openId, "2", "hi")))
			.andExpect(status().isUnauthorized());
		assertThat(threads()).isZero();
	}

	@Test
	void aSafeModeMessageIsDecryptedAfterItsSignatureIsChecked() throws Exception {
		String openId = openId();
		WeChatCrypto crypto = new WeChatCrypto(WeChatCryptoUnitTests.AES_KEY, this.appId);
		String encrypted = crypto.encrypt(text(openId, String.valueOf(System.nanoTime()), "安全模式消息"));
		String envelope = "<xml><ToUserName><![CDATA[gh_walletdesk]]></ToUserName><Encrypt><![CDATA[" + encrypted
				+ "]]></Encrypt></xml>";
		push(envelope, "encrypt_type", "aes", "msg_signature", "0".repeat(40)).andExpect(status().isUnauthorized());
		assertThat(threads()).isZero();

		push(envelope, "encrypt_type", "aes", "msg_signature",
				WeChatCrypto.signature(SERVER_TOKEN, NOW, "nonce123", encrypted))
			.andExpect(status().isOk())
			.andExpect(content().string("success"));
		assertThat(customerMessages(ticketOf(openId))).extracting(TicketView.MessageView::body)
			.containsExactly("安全模式消息");
	}

	@Test
	void aSubscriberIsWelcomedWithoutATicket() throws Exception {
		String openId = openId();
		String subscribe = """
				<xml><ToUserName><![CDATA[gh_walletdesk]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>
				<CreateTime>1700000001</CreateTime><MsgType><![CDATA[event]]></MsgType>
				<Event><![CDATA[subscribe]]></Event></xml>""".formatted(openId);
		String reply = push(subscribe).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(WeChatXml.parse(reply)).containsEntry("ToUserName", openId)
			.containsEntry("MsgType", "text")
			.containsEntry("Content", "欢迎关注！Welcome: support is here 24/7.");

		WeChatCrypto crypto = new WeChatCrypto(WeChatCryptoUnitTests.AES_KEY, this.appId);
		String encrypted = crypto.encrypt(subscribe);
		String sealed = push("<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>", "encrypt_type", "aes",
				"msg_signature", WeChatCrypto.signature(SERVER_TOKEN, NOW, "nonce123", encrypted))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, String> envelope = WeChatXml.parse(sealed);
		assertThat(envelope.get("MsgSignature")).isEqualTo(WeChatCrypto.signature(SERVER_TOKEN,
				envelope.get("TimeStamp"), envelope.get("Nonce"), envelope.get("Encrypt")));
		assertThat(WeChatXml.parse(crypto.decrypt(envelope.get("Encrypt")))).containsEntry("Content",
				"欢迎关注！Welcome: support is here 24/7.");
		assertThat(threads()).isZero();
	}

	@Test
	void anXxePushIsRejectedWithoutStoringAnything() throws Exception {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<xml><FromUserName>%s</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>9</MsgId></xml>"""
			.formatted(openId());
		String body = push(xxe).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("root:");
		assertThat(threads()).isZero();
	}

	@Test
	void anAgentsReplyGoesOutThroughTheCustomerServiceApiWithACachedToken() throws Exception {
		String openId = openId();
		push(text(openId, String.valueOf(System.nanoTime()), "充值没到账")).andExpect(status().isOk());
		UUID ticketId = ticketOf(openId);
		int before = wechat.calls().size();

		reply(ticketId, "我们正在核查 first");
		RecordingApi.Call first = wechat.await(c -> c.body().contains("我们正在核查 first"));
		reply(ticketId, "已经到账 second");
		RecordingApi.Call second = wechat.await(c -> c.body().contains("已经到账 second"));

		assertThat(first.path()).isEqualTo("/cgi-bin/message/custom/send");
		assertThat(first.body()).contains("\"touser\":\"" + openId + "\"").contains("\"msgtype\":\"text\"");
		assertThat(second.query()).isEqualTo(first.query()).startsWith("access_token=AT-");
		var tokenCalls = wechat.calls()
			.stream()
			.skip(before)
			.filter(c -> c.path().equals("/cgi-bin/token") && c.query().contains("appid=" + this.appId))
			.toList();
		assertThat(tokenCalls).hasSize(1);
		assertThat(tokenCalls.get(0).query()).contains("grant_type=client_credential").contains("secret=app-secret");
	}

	@Test
	void anInvalidOrExpiringTokenIsFetchedAgain() throws Exception {
		String openId = openId();
		push(text(openId, String.valueOf(System.nanoTime()), "help")).andExpect(status().isOk());
		UUID ticketId = ticketOf(openId);

		this.expiresIn = 301;
		reply(ticketId, "first with a short-lived token");
		RecordingApi.Call first = wechat.await(c -> c.body().contains("first with a short-lived token"));
		Thread.sleep(1200);
		this.expiresIn = 7200;
		reply(ticketId, "second after expiry");
		RecordingApi.Call second = wechat.await(c -> c.body().contains("second after expiry"));
		assertThat(second.query()).isNotEqualTo(first.query());

		this.staleAnswers = 1;
		reply(ticketId, "third after 40001");
		wechat.await(c -> c.body().contains("third after 40001") && !c.query().equals(second.query()));
		assertThat(wechat.calls()
			.stream()
			.filter(c -> c.path().equals("/cgi-bin/token") && c.query().contains("appid=" + this.appId))
			.count()).isEqualTo(3);
	}

	private void reply(UUID ticketId, String text) {
		AgentView agent = this.agents.create(Role.AGENT);
		this.tickets.post(ticketId,
				PostMessage.reply(Actor.agent(agent.id(), agent.displayName()), text, Visibility.PUBLIC));
	}

	private long threads() {
		return this.jdbc.sql("select count(*) from channel_thread where inbox_id = ?")
			.param(this.inbox.id())
			.query(Long.class)
			.single();
	}

	private UUID ticketOf(String threadKey) {
		return this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ? and thread_key = ?")
			.params(this.inbox.id(), threadKey)
			.query(UUID.class)
			.single();
	}

	// The automatic acknowledgement is a system reply; these tests are about what the
	// customer sent.
	private java.util.List<TicketView.MessageView> customerMessages(UUID ticketId) {
		return this.tickets.details(ticketId)
			.messages()
			.stream()
			.filter(m -> m.authorKind() == io.walletdesk.ticket.AuthorKind.CUSTOMER)
			.toList();
	}

}
