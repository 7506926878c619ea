package io.walletdesk.safety;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.common.net.InternetDomainName;
import com.ibm.icu.text.SpoofChecker;
import io.walletdesk.safety.internal.EditDistance;
import io.walletdesk.safety.internal.LinkCandidates;
import io.walletdesk.safety.internal.LinkCandidates.Candidate;

/**
 * Finds the links and bare domains in a text and tells official ones from lookalikes.
 * <p>
 * A host is {@link LinkVerdict#OFFICIAL} when it is an official domain or a subdomain of
 * one. It is a {@link LinkVerdict#LOOKALIKE}, in this order, when: it is a raw IP address
 * (dotted, decimal, hex or IPv6); it is on the block list; it hides behind an
 * official-looking user part ({@code https://brand.com@evil.io}); its name has the same
 * Unicode confusable skeleton (UTS #39, through ICU's {@link SpoofChecker}, plus digit 0
 * for o and vv for w) as a brand ({@code xn--} names are reported as punycode); it
 * carries a brand name or domain in its subdomains ({@code brand.com.verify-login.io});
 * it is a brand under another suffix ({@code brand.io}); it is within Damerau-Levenshtein
 * distance 2 of a brand of six or more letters, 1 of a shorter one, or the block list's
 * tolerance for its fuzzylist brands; or it adds words or hyphens to a brand of four or
 * more letters ({@code brand-support.com}). Brands are the registrable names of the
 * official domains and the block list's fuzzylist. Whitelisted hosts are never
 * lookalikes. Anything else is {@link LinkVerdict#UNRELATED}.
 * <p>
 * Immutable and safe to share between threads.
 */
public final class LinkChecker {

	private final List<Brand> officials;

	private final List<Brand> brands;

	private final PhishingList phishing;

	private final SpoofChecker spoof = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

	/**
	 * A checker without a block list.
	 * @param officialDomains the company's domains, e.g. {@code brand.com}; may be empty
	 */
	public LinkChecker(Collection<String> officialDomains) {
		this(officialDomains, PhishingList.EMPTY);
	}

	/**
	 * A checker with a block list.
	 * @param officialDomains the company's domains, e.g. {@code brand.com}; may be empty
	 * @param phishing the imported block list
	 */
	public LinkChecker(Collection<String> officialDomains, PhishingList phishing) {
		this.phishing = (phishing != null) ? phishing : PhishingList.EMPTY;
		this.officials = new ArrayList<>();
		for (String domain : new LinkedHashSet<>((officialDomains != null) ? officialDomains : List.of())) {
			Brand brand = brand(domain, -1);
			if (brand != null) {
				this.officials.add(brand);
			}
		}
		this.brands = new ArrayList<>(this.officials);
		for (String domain : this.phishing.fuzzylist()) {
			Brand brand = brand(domain, this.phishing.tolerance());
			if (brand != null) {
				this.brands.add(brand);
			}
		}
	}

	/**
	 * Finds and classifies every link in a text.
	 * @param text any text; null counts as empty
	 * @return the links in order of appearance, with offsets into {@code text}
	 */
	public List<LinkFinding> check(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<LinkFinding> findings = new ArrayList<>();
		for (Candidate candidate : LinkCandidates.find(text)) {
			findings.add(classify(candidate));
		}
		return findings;
	}

	/**
	 * The official domains this checker was built with, normalised.
	 * @return the domains
	 */
	public Set<String> officialDomains() {
		Set<String> domains = new LinkedHashSet<>();
		this.officials.forEach((brand) -> domains.add(brand.domain));
		return domains;
	}

	private LinkFinding classify(Candidate c) {
		String host = c.asciiHost();
		if (c.ip()) {
			return lookalike(c, LinkReason.RAW_IP, null);
		}
		if (listed(host, this.phishing.blacklist())) {
			return lookalike(c, LinkReason.BLOCKLIST, null);
		}
		if (c.userinfo() != null) {
			Brand mentioned = mentioned(c.userinfo());
			if (mentioned != null || c.userinfo().indexOf('.') >= 0) {
				return lookalike(c, LinkReason.USERINFO_TRICK, (mentioned != null) ? mentioned.domain : null);
			}
		}
		for (Brand official : this.officials) {
			if (host.equals(official.domain) || host.endsWith("." + official.domain)) {
				return new LinkFinding(c.url(), c.start(), c.end(), host, LinkVerdict.OFFICIAL, null, null);
			}
		}
		if (!listed(host, this.phishing.whitelist())) {
			Name name = Name.of(c.host(), host);
			String labelSkeleton = fold(name.label);
			String domainSkeleton = fold(name.registrable);
			for (Brand brand : this.brands) {
				LinkReason reason = compare(name, labelSkeleton, domainSkeleton, brand);
				if (reason != null) {
					return lookalike(c, reason, brand.domain);
				}
			}
		}
		return new LinkFinding(c.url(), c.start(), c.end(), host, LinkVerdict.UNRELATED, null, null);
	}

	private LinkReason compare(Name name, String labelSkeleton, String domainSkeleton, Brand brand) {
		boolean international = name.ascii.contains("xn--");
		boolean sameLabel = name.label.equals(brand.label);
		if ((!sameLabel && labelSkeleton.equals(brand.labelSkeleton))
				|| (!name.registrable.equals(brand.unicode) && domainSkeleton.equals(brand.domainSkeleton))) {
			return international ? LinkReason.PUNYCODE : LinkReason.HOMOGLYPH;
		}
		if (!name.subdomain.isEmpty() && mentions(name.subdomain, brand)) {
			return LinkReason.SUBDOMAIN_TRICK;
		}
		if (sameLabel) {
			return name.registrable.equals(brand.unicode) ? null : LinkReason.OTHER_TLD;
		}
		int limit = (brand.tolerance >= 0) ? brand.tolerance : ((brand.label.length() >= 6) ? 2 : 1);
		if (brand.label.length() >= 3 && name.label.length() >= 3
				&& EditDistance.damerauLevenshtein(name.label, brand.label, limit) <= limit) {
			return international ? LinkReason.PUNYCODE : LinkReason.TYPOSQUAT;
		}
		if (brand.label.length() >= 4 && (name.label.contains(brand.label)
				|| labelSkeleton.contains(brand.labelSkeleton) || hyphenPartNear(name.label, brand))) {
			return LinkReason.EXTRA_WORDS;
		}
		return null;
	}

	private boolean hyphenPartNear(String label, Brand brand) {
		if (label.indexOf('-') < 0 || brand.label.length() < 5) {
			return false;
		}
		for (String part : label.split("-")) {
			if (EditDistance.damerauLevenshtein(part, brand.label, 1) <= 1) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the subdomain part holds a brand's domain or, as a whole word, its name.
	 */
	private boolean mentions(String subdomain, Brand brand) {
		if (subdomain.contains(brand.unicode)) {
			return true;
		}
		if (brand.label.length() < 3) {
			return false;
		}
		for (String part : subdomain.split("[.-]")) {
			if (part.equals(brand.label) || fold(part).equals(brand.labelSkeleton)) {
				return true;
			}
		}
		return false;
	}

	private Brand mentioned(String userinfo) {
		String lower = userinfo.toLowerCase(Locale.ROOT);
		for (Brand brand : this.brands) {
			if (lower.contains(brand.label) || fold(lower).contains(brand.labelSkeleton)) {
				return brand;
			}
		}
		return null;
	}

	private static boolean listed(String host, Set<String> list) {
		if (list.isEmpty()) {
			return false;
		}
		String h = host;
		while (true) {
			if (list.contains(h)) {
				return true;
			}
			int dot = h.indexOf('.');
			if (dot < 0) {
				return false;
			}
			h = h.substring(dot + 1);
		}
	}

	private static LinkFinding lookalike(Candidate c, LinkReason reason, String resembles) {
		return new LinkFinding(c.url(), c.start(), c.end(), c.asciiHost(), LinkVerdict.LOOKALIKE, reason, resembles);
	}

	/**
	 * The confusable skeleton of a name, lower-cased, with the ASCII tricks that UTS #39
	 * leaves alone in lower case (0 for o, vv for w) folded too.
	 */
	private String fold(String s) {
		return this.spoof.getSkeleton(s).toLowerCase(Locale.ROOT).replace("vv", "w").replace('0', 'o');
	}

	private Brand brand(String domain, int tolerance) {
		if (domain == null || domain.isBlank()) {
			return null;
		}
		String d = domain.strip().toLowerCase(Locale.ROOT);
		while (d.endsWith(".")) {
			d = d.substring(0, d.length() - 1);
		}
		try {
			String ascii = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
			Name name = Name.of(IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED), ascii);
			return new Brand(ascii, name.registrable, name.label, fold(name.label), fold(name.registrable), tolerance);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a domain name: " + domain, ex);
		}
	}

	private record Brand(String domain, String unicode, String label, String labelSkeleton, String domainSkeleton,
			int tolerance) {

	}

	/**
	 * A host split at its registrable domain: {@code login.brand.co.uk} is subdomain
	 * {@code login}, registrable {@code brand.co.uk}, label {@code brand}.
	 */
	private record Name(String ascii, String subdomain, String registrable, String label) {

		static Name of(String unicode, String ascii) {
			String registrable = unicode;
			if (InternetDomainName.isValid(ascii)) {
				InternetDomainName name = InternetDomainName.from(ascii);
				if (name.isUnderPublicSuffix()) {
					String top = name.topPrivateDomain().toString();
					int labels = top.split("\\.").length;
					String[] parts = unicode.split("\\.");
					if (parts.length >= labels) {
						registrable = String.join(".", Arrays.copyOfRange(parts, parts.length - labels, parts.length));
					}
				}
			}
			String subdomain = unicode.equals(registrable) ? ""
					: unicode.substring(0, unicode.length() - registrable.length() - 1);
			int dot = registrable.indexOf('.');
			String label = (dot > 0) ? registrable.substring(0, dot) : registrable;
			return new Name(ascii, subdomain, registrable, label);
		}

	}

}
