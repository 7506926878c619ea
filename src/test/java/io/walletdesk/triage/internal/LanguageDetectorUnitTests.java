package io.walletdesk.triage.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorUnitTests {

	@Test
	void chineseWithTickersAndExchangeNamesIsStillChinese() {
		assertThat(LanguageDetector.detect("我在币安提了500 USDT到TRC20地址，一直没到账")).isEqualTo("zh");
		assertThat(LanguageDetector.detect("錢包被盜了，USDT全部被轉走")).isEqualTo("zh");
	}

	@Test
	void englishIsEnglishEvenWithHashesAndAddresses() {
		assertThat(LanguageDetector.detect(
				"my transfer to 0x52908400098527886E0F7030069857D2E4169EE7 is stuck, tx 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"))
			.isEqualTo("en");
		assertThat(LanguageDetector.detect("help")).isEqualTo("en");
	}

	@Test
	void chineseCarryingRealEnglishIsMixed() {
		assertThat(LanguageDetector.detect("我的 transfer 一直 pending, already waited two hours, 怎么办")).isEqualTo("mixed");
	}

	@Test
	void otherLanguagesByScriptAndCommonWords() {
		assertThat(LanguageDetector.detect("ウォレットの残高が表示されません")).isEqualTo("ja");
		assertThat(LanguageDetector.detect("지갑 잔액이 안 보여요 도와주세요")).isEqualTo("ko");
		assertThat(LanguageDetector.detect("Мой перевод USDT не пришёл уже три часа")).isEqualTo("ru");
		assertThat(LanguageDetector.detect("Tôi chuyển USDT nhưng chưa nhận được")).isEqualTo("vi");
		assertThat(LanguageDetector.detect("hola, no tengo mi dinero en la cuenta, ayuda por favor")).isEqualTo("es");
		assertThat(LanguageDetector.detect("saya sudah kirim tapi dana belum masuk ke dompet")).isEqualTo("id");
	}

	@Test
	void redactionPlaceholdersAndNothingElseAreUndetermined() {
		assertThat(LanguageDetector.detect("[redacted: mnemonic, 12 words]")).isEqualTo("und");
	}

}
