package io.walletdesk.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WeChatCryptoUnitTests {

	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	static final String APP_ID = "wx1234567890abcdef";

	// Computed independently with OpenSSL (aes-256-cbc, -nopad) over the framed
	// plaintext:
	// random "0123456789abcdef", big-endian length, the message, the app id, PKCS#7 to
	// 32.
	static final String KNOWN_CIPHERTEXT = "Q3stYC6hdFzMh9T8HCvyDMqYq+3LWRBafgYE/6+E3kaIPVItdlEZTk22y1bcb56FU4/6xj3fJGhjWyK2VeDV/Y/V6CR/VB0/SbpHNGMxXzRKZpiOJ8yVZKCcTMYjR9BR";

	static final String KNOWN_MESSAGE = "<xml><Content>你好</Content></xml>";

	@Test
	void signsTheSortedPartsWithSha1() {
		// sha1("1700000000nonce123walletdesk-token"), computed with Python's hashlib
		assertThat(WeChatCrypto.signature("walletdesk-token", "1700000000", "nonce123"))
			.isEqualTo("501627f334f6445d4c5e0b37c6da7a05b6e14e0a");
		assertThat(WeChatCrypto.matches("501627f334f6445d4c5e0b37c6da7a05b6e14e0a",
				"501627F334F6445D4C5E0B37C6DA7A05B6E14E0A"))
			.isTrue();
		assertThat(WeChatCrypto.matches("501627f334f6445d4c5e0b37c6da7a05b6e14e0a", "0".repeat(40))).isFalse();
		assertThat(WeChatCrypto.matches("501627f334f6445d4c5e0b37c6da7a05b6e14e0a", null)).isFalse();
	}

	@Test
	void encryptsAndDecryptsTheKnownVector() {
		WeChatCrypto crypto = new WeChatCrypto(AES_KEY, APP_ID);
		assertThat(crypto.encrypt(KNOWN_MESSAGE, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(KNOWN_CIPHERTEXT);
		assertThat(crypto.decrypt(KNOWN_CIPHERTEXT)).isEqualTo(KNOWN_MESSAGE);
	}

	@Test
	void roundTripsWithRandomPrefixOfEveryPaddingLength() {
		WeChatCrypto crypto = new WeChatCrypto(AES_KEY, APP_ID);
		for (int length = 0; length < 70; length++) {
			String message = "x".repeat(length);
			assertThat(crypto.decrypt(crypto.encrypt(message))).isEqualTo(message);
		}
	}

	@Test
	void refusesAMessageForAnotherAppOrWithBrokenFraming() {
		String foreign = new WeChatCrypto(AES_KEY, "wxOTHER").encrypt("hello");
		assertThatIllegalArgumentException().isThrownBy(() -> new WeChatCrypto(AES_KEY, APP_ID).decrypt(foreign));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WeChatCrypto(AES_KEY, APP_ID).decrypt("bm90IGJsb2Nrcw=="));
		assertThatIllegalArgumentException().isThrownBy(() -> new WeChatCrypto("short", APP_ID));
	}

	@Test
	void readsAFlatMessage() {
		assertThat(WeChatXml.parse("""
				<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[openid-1]]></FromUserName>
				<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>
				<Content><![CDATA[提币没到账 <help>]]></Content><MsgId>123</MsgId></xml>"""))
			.containsEntry("FromUserName", "openid-1")
			.containsEntry("Content", "提币没到账 <help>")
			.containsEntry("MsgId", "123");
	}

	@Test
	void rejectsExternalEntitiesWithoutReadingTheFile(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET-SEED");
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE xml [<!ENTITY xxe SYSTEM "%s">]>
				<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content></xml>"""
			.formatted(secret.toUri());
		assertThatIllegalArgumentException().isThrownBy(() -> WeChatXml.parse(xxe))
			.withMessageContaining("DOCTYPE")
			.withMessageNotContaining("TOP-SECRET-SEED");
	}

	@Test
	@Timeout(5)
	void rejectsEntityExpansionAtOnce() {
		StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
		for (int i = 1; i < 10; i++) {
			laughs.append("<!ENTITY lol%d \"%s\">\n".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
		}
		laughs.append("]>\n<xml><Content>&lol9;</Content></xml>");
		assertThatIllegalArgumentException().isThrownBy(() -> WeChatXml.parse(laughs.toString()))
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void turnsMessageTypesIntoText() {
		assertThat(WeChatWebhook.content("image", Map.of("PicUrl", "http://mmbiz/1.jpg")))
			.isEqualTo("[image] http://mmbiz/1.jpg");
		assertThat(WeChatWebhook.content("text", Map.of("Content", " "))).isNull();
		assertThat(WeChatWebhook.content("miniprogrampage", Map.of())).isNull();
	}

	@Test
	void longRepliesAreSplitAtTheByteLimitWithoutBreakingCharacters() {
		String text = "提".repeat(700) + "😀" + "a".repeat(10);
		var parts = WeChatAdapter.parts(text);
		assertThat(parts)
			.allSatisfy(part -> assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048));
		assertThat(String.join("", parts)).isEqualTo(text);
		assertThat(parts).hasSize(2);
		assertThat(WeChatAdapter.parts("short")).containsExactly("short");
	}

}
