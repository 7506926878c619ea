package io.walletdesk.triage.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import io.github.novacrypto.base58.Base58;
import org.junit.jupiter.api.Test;

import io.walletdesk.triage.Entities;
import io.walletdesk.triage.Entities.Address;
import io.walletdesk.triage.Entities.Amount;
import io.walletdesk.triage.Entities.TxHash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EntityExtractorUnitTests {

	private static final String EVM_HASH = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";

	// The coinbase transaction of Bitcoin's genesis block.
	private static final String PLAIN_HASH = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

	// An EIP-55 test vector, and the same with its last letter's case flipped.
	private static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

	private static final String BAD_CHECKSUM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";

	// The USDT contract on Tron.
	private static final String TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";

	private final EntityExtractor extractor = new EntityExtractor();

	@Test
	void findsAnEvmHashAndTakesTheChainTheCustomerNames() {
		Entities entities = this.extractor.extract("我在币安链转了USDT，哈希是 " + EVM_HASH + " 一直没到账");

		assertThat(entities.txHashes()).containsExactly(new TxHash(EVM_HASH, "bsc"));
		assertThat(entities.chains()).containsExactly("bsc");
		assertThat(entities.tokens()).containsExactly("USDT");
	}

	@Test
	void leavesAnEvmHashOnEvmWhenNoOrSeveralEvmChainsAreNamed() {
		assertThat(this.extractor.extract("tx: " + EVM_HASH).txHashes()).containsExactly(new TxHash(EVM_HASH, "evm"));
		assertThat(this.extractor.extract("Bridged from Arbitrum to BSC, tx " + EVM_HASH).txHashes())
			.containsExactly(new TxHash(EVM_HASH, "evm"));
	}

	@Test
	void decidesABareHexHashBetweenTronAndBitcoinFromContext() {
		assertThat(this.extractor.extract("USDT-TRC20 提币 txid " + PLAIN_HASH).txHashes())
			.containsExactly(new TxHash(PLAIN_HASH, "tron"));
		assertThat(this.extractor.extract("比特币转账 " + PLAIN_HASH + " 还没确认").txHashes())
			.containsExactly(new TxHash(PLAIN_HASH, "bitcoin"));
		assertThat(this.extractor.extract("sent to " + TRON + ", hash " + PLAIN_HASH).txHashes())
			.containsExactly(new TxHash(PLAIN_HASH, "tron"));
		assertThat(this.extractor.extract("sent from bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, hash " + PLAIN_HASH)
			.txHashes()).containsExactly(new TxHash(PLAIN_HASH, "bitcoin"));
		assertThat(this.extractor.extract("my transfer " + PLAIN_HASH + " is stuck").txHashes())
			.containsExactly(new TxHash(PLAIN_HASH, "unknown"));
	}

	@Test
	void takesAHashFromABlockExplorerLinkWithTheExplorersChain() {
		Entities entities = this.extractor.extract("See https://tronscan.org/#/transaction/" + PLAIN_HASH
				+ " and https://bscscan.com/tx/" + EVM_HASH + ". Also https://blockchair.com/bitcoin/transaction/"
				+ "0e3e2357e806b6cdb1f70b54c3a3a17b6714ee1f0e68bebb44a74b1efd512098");

		assertThat(entities.txHashes()).containsExactly(new TxHash(PLAIN_HASH, "tron"), new TxHash(EVM_HASH, "bsc"),
				new TxHash("0e3e2357e806b6cdb1f70b54c3a3a17b6714ee1f0e68bebb44a74b1efd512098", "bitcoin"));
		assertThat(entities.chains()).isEmpty();
	}

	@Test
	void takesAnAddressFromAnExplorerLinkWithTheExplorersChain() {
		assertThat(this.extractor.extract("https://etherscan.io/address/" + CHECKSUMMED).addresses())
			.containsExactly(new Address(CHECKSUMMED, "ethereum", true));
	}

	@Test
	void findsASolanaSignature() {
		byte[] bytes = new byte[64];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 37 + 11);
		}
		String signature = Base58.base58Encode(bytes);

		assertThat(this.extractor.extract("Solana tx " + signature + " failed").txHashes())
			.containsExactly(new TxHash(signature, "solana"));
	}

	@Test
	void ignoresHexInOtherLinksAndInsideLongerHexRuns() {
		Entities entities = this.extractor.extract("screenshot https://cdn.example.com/uploads/" + PLAIN_HASH
				+ ".png and signature 0x" + PLAIN_HASH + PLAIN_HASH);

		assertThat(entities.txHashes()).isEmpty();
		assertThat(entities.addresses()).isEmpty();
	}

	@Test
	void findsEvmAddressesAndChecksTheirChecksum() {
		Entities entities = this.extractor
			.extract("from " + CHECKSUMMED + " to " + BAD_CHECKSUM + " and " + CHECKSUMMED.toLowerCase());

		assertThat(entities.addresses()).containsExactly(new Address(CHECKSUMMED, "evm", true),
				new Address(BAD_CHECKSUM, "evm", false), new Address(CHECKSUMMED.toLowerCase(), "evm", true));
	}

	@Test
	void givesAnEvmAddressTheOneEvmChainNamed() {
		assertThat(this.extractor.extract("ERC20 地址 " + CHECKSUMMED).addresses())
			.containsExactly(new Address(CHECKSUMMED, "ethereum", true));
	}

	@Test
	void reportsMistypedAddressesAsInvalidWithTheChainTheyResemble() {
		String short0x = CHECKSUMMED.substring(0, 41);
		String long0x = CHECKSUMMED + "a";
		String shortTron = TRON.substring(0, 33);
		String longTron = TRON + "x";
		String badTron = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u";

		Entities entities = this.extractor
			.extract(short0x + " / " + long0x + " / " + shortTron + " / " + longTron + " / " + badTron);

		assertThat(entities.addresses()).extracting(Address::value, Address::chain, Address::valid)
			.containsExactly(tuple(short0x, "evm", false), tuple(long0x, "evm", false), tuple(shortTron, "tron", false),
					tuple(longTron, "tron", false), tuple(badTron, "tron", false));
	}

	@Test
	void findsTronBitcoinAndSolanaAddresses() {
		Entities entities = this.extractor.extract("收款地址 " + TRON + "，BTC 地址 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa 和 "
				+ "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy，还有 bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
				+ " 以及 BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4，SOL: So11111111111111111111111111111111111111112");

		assertThat(entities.addresses()).containsExactly(new Address(TRON, "tron", true),
				new Address("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bitcoin", true),
				new Address("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bitcoin", true),
				new Address("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bitcoin", true),
				new Address("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bitcoin", true),
				new Address("So11111111111111111111111111111111111111112", "solana", true));
	}

	@Test
	void reportsABitcoinAddressWithABrokenChecksumAsInvalid() {
		assertThat(this.extractor.extract("send to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5 please").addresses())
			.containsExactly(new Address("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "bitcoin", false));
	}

	@Test
	void findsATonAddress() {
		assertThat(this.extractor.extract("my TON wallet EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N").addresses())
			.containsExactly(new Address("EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N", "ton", true));
	}

	@Test
	void takesATonAddressInRawFormForAnAddressNotAHash() {
		String raw = "0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8";

		Entities entities = this.extractor.extract("TON raw address " + raw);

		assertThat(entities.addresses()).containsExactly(new Address(raw, "ton", true));
		assertThat(entities.txHashes()).isEmpty();
	}

	@Test
	void takesNoOrdinaryLongWordForASolanaAddress() {
		// Base58 that decodes to 32 bytes, but a hashtag, not an address.
		assertThat(this.extractor.extract("#SuperExtraordinaryHashtagWithoutAnyDigitsHe").addresses()).isEmpty();
	}

	@Test
	void neverReportsOneStringAsBothHashAndAddress() {
		Entities entities = this.extractor.extract("tx " + EVM_HASH + " tx " + EVM_HASH + " addr " + CHECKSUMMED);

		assertThat(entities.txHashes()).extracting(TxHash::value).containsExactly(EVM_HASH);
		assertThat(entities.addresses()).extracting(Address::value).containsExactly(CHECKSUMMED);
	}

	@Test
	void normalisesChainsAsCustomersWriteThem() {
		assertThat(this.extractor.extract("USDT-TRC20").chains()).containsExactly("tron");
		assertThat(this.extractor.extract("TRC20-USDT").tokens()).containsExactly("USDT");
		assertThat(this.extractor.extract("我用的是trc20").chains()).containsExactly("tron");
		assertThat(this.extractor.extract("ERC20 and BEP20").chains()).containsExactly("ethereum", "bsc");
		assertThat(this.extractor.extract("波场链、以太坊、币安智能链、马蹄链、索拉纳").chains()).containsExactly("tron", "ethereum", "bsc",
				"polygon", "solana");
		assertThat(this.extractor.extract("ETH链转到BNB Chain").chains()).containsExactly("ethereum", "bsc");
		assertThat(
				this.extractor.extract("Polygon, Matic链, Arbitrum, Optimism, Avalanche C-Chain, Solana, SOL链").chains())
			.containsExactly("polygon", "arbitrum", "optimism", "avalanche", "solana");
		assertThat(this.extractor.extract("以太").chains()).containsExactly("ethereum");
		assertThat(this.extractor.extract("shows SUCCESS on Tronscan, 在bscscan上也查不到").chains()).containsExactly("tron",
				"bsc");
	}

	@Test
	void readsTrc20AloneAsUsdtButNotWhenAnotherTokenIsNamed() {
		Entities usdt = this.extractor.extract("我转的trc20，还没到");
		assertThat(usdt.chains()).containsExactly("tron");
		assertThat(usdt.tokens()).containsExactly("USDT");

		assertThat(this.extractor.extract("TRC20 USDC transfer failed").tokens()).containsExactly("USDC");
	}

	@Test
	void bitcoinInChineseIsBothAChainAndAToken() {
		Entities entities = this.extractor.extract("我的比特币不见了");

		assertThat(entities.chains()).containsExactly("bitcoin");
		assertThat(entities.tokens()).containsExactly("BTC");
	}

	@Test
	void findsTokensAsCustomersWriteThem() {
		Entities entities = this.extractor
			.extract("usdt, USDC, eth, BTC, BNB, TRX, MATIC, POL, AVAX, DAI, WBTC, WETH, SHIB, DOGE, PEPE, 泰达币");

		assertThat(entities.tokens()).containsExactly("USDT", "USDC", "ETH", "BTC", "BNB", "TRX", "MATIC", "POL",
				"AVAX", "DAI", "WBTC", "WETH", "SHIB", "DOGE", "PEPE");
	}

	@Test
	void takesShortAmbiguousWordsOnlyWithCryptoContext() {
		Entities plain = this.extractor
			.extract("The solution is in the database, press the button, option 2, the base of it, a ton of sol op");
		assertThat(plain.chains()).isEmpty();
		assertThat(plain.tokens()).isEmpty();
		assertThat(this.extractor.extract("connect the dot, uni campus, a cake").tokens()).isEmpty();

		assertThat(this.extractor.extract("I sent it on Base").chains()).containsExactly("base");
		assertThat(this.extractor.extract("转到Base链了").chains()).containsExactly("base");
		assertThat(this.extractor.extract("Base network fee").chains()).containsExactly("base");
		assertThat(this.extractor.extract("I hold SOL and TON").tokens()).containsExactly("SOL", "TON");
		assertThat(this.extractor.extract("received 2 op").tokens()).containsExactly("OP");
	}

	@Test
	void takesNoTokenInsideOrdinaryWords() {
		Entities entities = this.extractor.extract("Which method? Coinbase said U should retry; 以太网断了");

		assertThat(entities.tokens()).isEmpty();
		assertThat(entities.chains()).isEmpty();
		assertThat(entities.exchanges()).containsExactly("Coinbase");
	}

	@Test
	void readsAmountsWithTokenUnits() {
		Entities entities = this.extractor.extract("转了2,300 USDT，另外0.8个ETH和0.8 eth，还有100 TRX 和 10 SOL");

		assertThat(entities.amounts()).containsExactly(amount("2300", "USDT", "2,300 USDT"),
				amount("0.8", "ETH", "0.8个ETH"), amount("100", "TRX", "100 TRX"), amount("10", "SOL", "10 SOL"));
		assertThat(entities.tokens()).containsExactly("USDT", "ETH", "TRX", "SOL");
	}

	@Test
	void appliesMultipliersAndReadsUAsUsdt() {
		Entities entities = this.extractor.extract("亏了5万U，昨天还有1.2k usdt 和 300u");

		assertThat(entities.amounts()).containsExactly(amount("50000", "USDT", "5万U"),
				amount("1200", "USDT", "1.2k usdt"), amount("300", "USDT", "300u"));
		assertThat(entities.tokens()).containsExactly("USDT");
	}

	@Test
	void takesNoAbbreviationForAUnit() {
		assertThat(this.extractor.extract("one of the top 10 U.S. exchanges").amounts()).isEmpty();
	}

	@Test
	void readsAnAmountWrittenAfterItsTokenOnlyWhereItCannotBeACountOrATime() {
		assertThat(this.extractor.extract("全部没了 USDT 15,000 被转走了").amounts())
			.containsExactly(amount("15000", "USDT", "USDT 15,000"));
		assertThat(this.extractor.extract("USDT：2000，TRC20").amounts())
			.containsExactly(amount("2000", "USDT", "USDT：2000"));
		assertThat(this.extractor.extract("USDT 2 小时前转的, ETH 2.0 upgrade, BTC 2024 bull run").amounts()).isEmpty();
	}

	@Test
	void readsRoughChineseAmounts() {
		assertThat(this.extractor.extract("钱包里有 2 万多 U，还有3千余元").amounts())
			.containsExactly(amount("20000", "USDT", "2 万多 U"), amount("3000", "CNY", "3千余元"));
	}

	@Test
	void readsFiatAmounts() {
		Entities entities = this.extractor
			.extract("$500, 600美元, 700 USD, 3000元, 4000块, ¥5000, 6000 RMB, US$1,200.50, €250");

		assertThat(entities.amounts()).extracting(Amount::value, Amount::unit)
			.containsExactly(tuple(new BigDecimal("500"), "USD"), tuple(new BigDecimal("600"), "USD"),
					tuple(new BigDecimal("700"), "USD"), tuple(new BigDecimal("3000"), "CNY"),
					tuple(new BigDecimal("4000"), "CNY"), tuple(new BigDecimal("5000"), "CNY"),
					tuple(new BigDecimal("6000"), "CNY"), tuple(new BigDecimal("1200.5"), "USD"),
					tuple(new BigDecimal("250"), "EUR"));
		assertThat(entities.amounts().get(0).text()).isEqualTo("$500");
		assertThat(entities.tokens()).isEmpty();
	}

	@Test
	void takesNoVersionDateTimePhoneOrCountForAnAmount() {
		Entities entities = this.extractor
			.extract("App v5.3.2, 2024-03-05 12:30, 电话 138-0013-8000, 12个助记词, 买了2个U盘, 3 units");

		assertThat(entities.amounts()).isEmpty();
		assertThat(entities.tokens()).isEmpty();
	}

	@Test
	void findsExchangesByTheirCanonicalNames() {
		Entities entities = this.extractor.extract("从币安提到欧易, then OKEx, 火币, Huobi, Bybit, Gate.io, 芝麻开门, 库币, "
				+ "Coinbase, Kraken, Bitget, 抹茶, Crypto.com, Upbit, Bitfinex, KuCoin, MEXC, HTX");

		assertThat(entities.exchanges()).containsExactly("Binance", "OKX", "HTX", "Bybit", "Gate", "KuCoin", "Coinbase",
				"Kraken", "Bitget", "MEXC", "Crypto.com", "Upbit", "Bitfinex");
	}

	@Test
	void tellsTheBinanceExchangeFromItsChain() {
		Entities entities = this.extractor.extract("从币安提币到币安链");

		assertThat(entities.exchanges()).containsExactly("Binance");
		assertThat(entities.chains()).containsExactly("bsc");
	}

	@Test
	void readsTheAppVersionInItsUsualForms() {
		assertThat(this.extractor.extract("I'm on v5.3.2").appVersion()).isEqualTo("5.3.2");
		assertThat(this.extractor.extract("version 5.3 crashes").appVersion()).isEqualTo("5.3");
		assertThat(this.extractor.extract("版本5.3.1闪退").appVersion()).isEqualTo("5.3.1");
		assertThat(this.extractor.extract("版本号 6.0").appVersion()).isEqualTo("6.0");
		assertThat(this.extractor.extract("钱包 version 是 6.3.2").appVersion()).isEqualTo("6.3.2");
		assertThat(this.extractor.extract("App 6.0.1 on my phone").appVersion()).isEqualTo("6.0.1");
		assertThat(this.extractor.extract("升级到5.2.0版本后").appVersion()).isEqualTo("5.2.0");
		assertThat(this.extractor.extract("since the update to 6.1.0 I can't log in").appVersion()).isEqualTo("6.1.0");
		assertThat(this.extractor.extract("iOS app version 5.3.2 crashes on iOS 17.4.1").appVersion())
			.isEqualTo("5.3.2");
	}

	@Test
	void takesNoAmountOsVersionOrIpAddressForTheAppVersion() {
		assertThat(this.extractor.extract("sent 5.3 ETH").appVersion()).isNull();
		assertThat(this.extractor.extract("iOS version 17.4").appVersion()).isNull();
		assertThat(this.extractor.extract("app 192.168.1.1 is my router").appVersion()).isNull();
	}

	@Test
	void readsTheOperatingSystemWithItsVersion() {
		assertThat(this.extractor.extract("iPhone 15, iOS 17.4").os()).isEqualTo("iOS 17.4");
		assertThat(this.extractor.extract("安卓14 闪退").os()).isEqualTo("Android 14");
		assertThat(this.extractor.extract("鸿蒙4.2系统").os()).isEqualTo("HarmonyOS 4.2");
		assertThat(this.extractor.extract("on Windows 11").os()).isEqualTo("Windows 11");
		assertThat(this.extractor.extract("macOS 14.2").os()).isEqualTo("macOS 14.2");
		assertThat(this.extractor.extract("using Linux").os()).isEqualTo("Linux");
		assertThat(this.extractor.extract("my iPad").os()).isEqualTo("iPadOS");
		assertThat(this.extractor.extract("my iPhone 15 Pro").os()).isEqualTo("iOS");
	}

	@Test
	void letsNoPhoneBrandDecideTheOperatingSystem() {
		assertThat(this.extractor.extract("华为手机，小米，三星都试过").os()).isNull();
		assertThat(this.extractor.extract("the app is curious about bios").os()).isNull();
	}

	@Test
	void findsNothingInARedactionPlaceholder() {
		Entities entities = this.extractor.extract("[redacted: mnemonic, 12 words] [redacted: Solana secret key]");

		assertThat(entities).isEqualTo(Entities.NONE);
		assertThat(entities.isEmpty()).isTrue();
	}

	@Test
	void readsAWholeMixedMessage() {
		Entities entities = this.extractor.extract("客服你好，我从OKX提了5万U到TRC20地址 " + TRON + "，txid " + PLAIN_HASH
				+ " 三小时了还没到账。助记词是 [redacted: mnemonic, 12 words]。" + "App v5.3.2, iOS 17.4");

		assertThat(entities.exchanges()).containsExactly("OKX");
		assertThat(entities.amounts()).containsExactly(amount("50000", "USDT", "5万U"));
		assertThat(entities.chains()).containsExactly("tron");
		assertThat(entities.tokens()).containsExactly("USDT");
		assertThat(entities.addresses()).containsExactly(new Address(TRON, "tron", true));
		assertThat(entities.txHashes()).containsExactly(new TxHash(PLAIN_HASH, "tron"));
		assertThat(entities.appVersion()).isEqualTo("5.3.2");
		assertThat(entities.os()).isEqualTo("iOS 17.4");
	}

	@Test
	void findsNothingInABlankMessage() {
		assertThat(this.extractor.extract(null)).isEqualTo(Entities.NONE);
		assertThat(this.extractor.extract("  \n")).isEqualTo(Entities.NONE);
		assertThat(this.extractor.extract("hello, is anyone there?")).isEqualTo(Entities.NONE);
	}

	@Test
	void givesTheSameAnswerWhenSharedBetweenThreads() {
		String message = "从OKX提了5万U到TRC20地址 " + TRON + "，txid " + PLAIN_HASH + "，App v5.3.2, iOS 17.4";
		Entities expected = this.extractor.extract(message);

		List<Entities> results = IntStream.range(0, 400)
			.parallel()
			.mapToObj(i -> this.extractor.extract(message))
			.toList();

		assertThat(results).allMatch(expected::equals);
	}

	private static Amount amount(String value, String unit, String text) {
		return new Amount(new BigDecimal(value), unit, text);
	}

}
