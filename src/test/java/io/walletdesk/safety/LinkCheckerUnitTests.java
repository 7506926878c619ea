package io.walletdesk.safety;

import java.net.IDN;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LinkCheckerUnitTests {

	private final LinkChecker checker = new LinkChecker(List.of("brand.com", "metamask.io", "okx.com"));

	@ParameterizedTest
	@CsvSource({ "brand.com", "www.brand.com", "https://login.brand.com/reset?x=1", "HTTPS://Brand.COM/",
			"http://brand.com:8080/a", "app.metamask.io" })
	void acceptsOfficialDomainsAndTheirSubdomains(String url) {
		assertThat(single("see " + url + " please").verdict()).isEqualTo(LinkVerdict.OFFICIAL);
	}

	@ParameterizedTest
	@CsvSource({ "brnad.com, typosquat, brand.com", "brandd.com, typosquat, brand.com",
			"bran.com, typosquat, brand.com", "metamsak.io, typosquat, metamask.io",
			"netamasc.io, typosquat, metamask.io", "https://metamaask.io/connect, typosquat, metamask.io",
			"rnetamask.io, homoglyph, metamask.io", "0kx.com, homoglyph, okx.com",
			"brand-support.com, extra_words, brand.com", "brandwallet-login.net, extra_words, brand.com",
			"https://mybrand.app/claim, extra_words, brand.com", "metamask-restore.xyz, extra_words, metamask.io",
			"brand.io, other_tld, brand.com", "www.brand.co.uk, other_tld, brand.com",
			"https://brand.com.verify-login.io/x, subdomain_trick, brand.com",
			"brand.verify-login.io, subdomain_trick, brand.com", "login-brand.evil.io, subdomain_trick, brand.com",
			"https://brand.com@evil.io/login, userinfo_trick, brand.com",
			"https://support.brand@evil.io, userinfo_trick, brand.com" })
	void flagsLookalikes(String url, String reason, String resembles) {
		LinkFinding link = single("Go to " + url + " now");
		assertThat(link.verdict()).isEqualTo(LinkVerdict.LOOKALIKE);
		assertThat(link.reason().code()).isEqualTo(reason);
		assertThat(link.resembles()).isEqualTo(resembles);
	}

	@Test
	void flagsHomoglyphsFromOtherScriptsAsPunycode() {
		String cyrillic = "br\u0430nd.com";
		LinkFinding written = single("visit https://" + cyrillic + "/login");
		assertThat(written.verdict()).isEqualTo(LinkVerdict.LOOKALIKE);
		assertThat(written.reason()).isEqualTo(LinkReason.PUNYCODE);
		assertThat(written.resembles()).isEqualTo("brand.com");
		assertThat(written.host()).startsWith("xn--");
		String encoded = IDN.toASCII(cyrillic);
		LinkFinding punycode = single("visit " + encoded);
		assertThat(punycode.reason()).isEqualTo(LinkReason.PUNYCODE);
		LinkFinding greek = single("visit \u03BFkx.com");
		assertThat(greek.reason()).isEqualTo(LinkReason.PUNYCODE);
		assertThat(greek.resembles()).isEqualTo("okx.com");
	}

	@ParameterizedTest
	@CsvSource({ "http://192.168.1.1/login", "10.0.0.1", "http://3232235777/", "http://0xC0A80101/claim",
			"http://[::1]:8080/", "https://[2001:db8::1]/" })
	void flagsRawIpHosts(String url) {
		LinkFinding link = single("open " + url + " to claim");
		assertThat(link.verdict()).isEqualTo(LinkVerdict.LOOKALIKE);
		assertThat(link.reason()).isEqualTo(LinkReason.RAW_IP);
	}

	@Test
	void usesTheImportedPhishingList() {
		PhishingList list = PhishingList.parse("""
				{"version": 2, "tolerance": 1, "fuzzylist": ["uniswap.org"],
				 "whitelist": ["brandnew.com"], "blacklist": ["evil-drainer.io"]}
				""");
		LinkChecker withList = new LinkChecker(List.of("brand.com"), list);
		LinkFinding blocked = withList.check("claim at https://app.evil-drainer.io/claim").get(0);
		assertThat(blocked.verdict()).isEqualTo(LinkVerdict.LOOKALIKE);
		assertThat(blocked.reason()).isEqualTo(LinkReason.BLOCKLIST);
		assertThat(withList.check("brandnew.com").get(0).verdict()).isEqualTo(LinkVerdict.UNRELATED);
		LinkFinding fuzzy = withList.check("uniswqp.org").get(0);
		assertThat(fuzzy.reason()).isEqualTo(LinkReason.TYPOSQUAT);
		assertThat(fuzzy.resembles()).isEqualTo("uniswap.org");
		assertThat(withList.check("unlswop.org").get(0).verdict()).isEqualTo(LinkVerdict.UNRELATED);
	}

	@Test
	void treatsOtherSitesAsUnrelated() {
		List<LinkFinding> links = this.checker
			.check("Try https://www.google.com/search?q=x or github.com/brand-x and wallet.app");
		assertThat(links).extracting(LinkFinding::verdict)
			.containsExactly(LinkVerdict.UNRELATED, LinkVerdict.UNRELATED, LinkVerdict.UNRELATED);
	}

	@Test
	void ignoresMailAddressesFileNamesAndNumbers() {
		assertThat(this.checker.check("Write to support@brand.com, see backup.zip and readme.md, version 1.2.3, "
				+ "e.g. this, i.e. that, 3.5 ETH, Node.js"))
			.isEmpty();
	}

	@Test
	void findsLinksInsideChineseTextWithExactOffsets() {
		String text = "请访问brand-support.com获取帮助，或者打开https://brand.com/help。";
		List<LinkFinding> links = this.checker.check(text);
		assertThat(links).hasSize(2);
		LinkFinding first = links.get(0);
		assertThat(text.substring(first.start(), first.end())).isEqualTo("brand-support.com");
		assertThat(first.verdict()).isEqualTo(LinkVerdict.LOOKALIKE);
		LinkFinding second = links.get(1);
		assertThat(text.substring(second.start(), second.end())).isEqualTo("https://brand.com/help");
		assertThat(second.verdict()).isEqualTo(LinkVerdict.OFFICIAL);
	}

	@Test
	void readsDefangedLinks() {
		assertThat(single("hxxps://brand-verify.com").reason()).isEqualTo(LinkReason.EXTRA_WORDS);
	}

	private LinkFinding single(String text) {
		List<LinkFinding> links = this.checker.check(text);
		assertThat(links).as(text).hasSize(1);
		LinkFinding link = links.get(0);
		assertThat(text.substring(link.start(), link.end())).isEqualTo(link.url());
		return link;
	}

}
