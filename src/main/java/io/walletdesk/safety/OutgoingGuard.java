package io.walletdesk.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an agent's reply before it is sent, in Chinese and English.
 * <p>
 * Blocks a reply that asks the customer for a recovery phrase, private key, keystore or
 * wallet password; for screen sharing or remote access (AnyDesk, TeamViewer, 屏幕共享, 远程);
 * or for a "verification" transfer; or that itself contains a secret. Safety guidance
 * that merely names these things ("we will never ask for your seed phrase",
 * 请不要向任何人透露您的助记词) passes.
 * <p>
 * How: the reply is cut into clauses (at sentence ends, line breaks, commas and words
 * such as "but" or 但是). A clause asks for a secret when a request verb (share, send,
 * type, 提供, 发给, 输入, ...) comes within a short distance of a secret (seed phrase, 12
 * words, 私钥, ...), when it asks what the secret is, or when "we need" it. The request is
 * guidance instead when a negation, a warning word or a third party as subject (never,
 * don't, scammers ask, 不要, 切勿, 骗子, 任何人) stands before the verb in the same clause, or the
 * clause says who must not get it ("with no one"). Reassurances and pressure are read for
 * what they are: "don't worry", "this is not a scam", "if you don't …, we can't help" and
 * 不要担心 do not count as negations. Remote access and verification transfers are blocked
 * when named in a clause without a negation or warning.
 * <p>
 * The language argument is a hint only: agents mix languages, so both rule sets always
 * run. Immutable and safe to share between threads.
 */
public final class OutgoingGuard {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String ASCII_BOUNDARY = "(?:(?<![a-z0-9_'])(?=[a-z0-9_])|(?<=[a-z0-9_])(?![a-z0-9_]))";

	private static final Pattern CLAUSE_BREAK = compile(
			"[!?。！？;；\\n]+|\\.(?!\\d)|[,，]|\\s+(?:but|however|then|and then|so|instead)\\s+|但是|但|然后|不过|而是|否则", FLAGS);

	private static final String SECRET_EN = "(?:seed(?:[- ]?phrase| words?)?|recovery (?:phrase|words?|seed|key)"
			+ "|secret (?:recovery )?phrase|backup (?:phrase|words?|seed)|mnemonic(?: phrase| words)?"
			+ "|(?:12|24|15|18|21|twelve|twenty[- ]four)[- ]words?(?: phrase)?|private[- ]?keys?|priv ?key|secret key"
			+ "|keystore(?: file| json| password)?|(?:wallet|account|keystore|login) password|passphrase|password"
			+ "|pin(?: code)?)";

	private static final String VERB_EN = "(?:share|send|provide|give|tell|type|enter|input|paste|submit|upload|post"
			+ "|forward|show|read|spell|write|fill|confirm|verify|validate|import|hand|e-?mail|text|dm|message|disclose|reply with|respond with"
			+ "|reveal|drop|put|copy|let (?:me|us) (?:have|see|know|check)|ask(?:ing|s|ed)? (?:you )?for|request"
			+ "|(?:we|i|the team|support|our \\w+|engineers?|staff|agents?|developers?|technicians?)(?: will| would| do| just| still| really| also)?"
			+ " (?:needs?|requires?|wants?|must (?:have|see)))";

	private static final Pattern REQUEST_EN = compile(
			"\\b(?<verb>" + VERB_EN + ")\\b[^.?!]{0,60}?\\b" + SECRET_EN + "\\b", FLAGS);

	private static final Pattern QUESTION_EN = compile(
			"\\b(?<verb>what(?:'s| is| are| were)) (?:your|the)\\b[^?]{0,25}?\\b" + SECRET_EN + "\\b", FLAGS);

	private static final Pattern NEEDED_EN = compile(
			"\\b" + SECRET_EN + "\\b[^.]{0,30}?\\b(?<verb>(?:is|are) (?:needed|required|necessary)|needed|required)\\b",
			FLAGS);

	private static final String SECRET_ZH = "(?:助记词|助记码|私钥|密钥|秘钥|种子短语|种子词|种子|恢复短语|恢复词|备份短语|钱包密码|支付密码|交易密码|登录密码|密码"
			+ "|keystore|json文件|(?:12|24|十二|二十四)个?(?:英文)?(?:单词|词))";

	private static final String VERB_ZH = "(?:提供|发给|发送|发过来|发一下|发来|发我|告诉|告知|输入|填写|填入|提交|上传|粘贴|复制给|复制发|截图|拍照|报给|报一下|说一下|念一下"
			+ "|给我|给我们|私信|导入|透露|出示|分享|核对|验证一下|发到)";

	private static final Pattern REQUEST_ZH = compile("(?<verb>" + VERB_ZH + ").{0,12}?" + SECRET_ZH, FLAGS);

	private static final Pattern REQUEST_ZH_OBJECT_FIRST = compile(SECRET_ZH + ".{0,12}?(?<verb>" + VERB_ZH + ")",
			FLAGS);

	private static final Pattern QUESTION_ZH = compile(SECRET_ZH + ".{0,4}?(?<verb>是什么|是多少|多少|是哪些|有哪些)", FLAGS);

	private static final Pattern NEEDED_ZH = compile("(?<verb>需要|要求|必须)(?:您|你|您们|你们)?(?:的|把|将|先)?.{0,8}?" + SECRET_ZH,
			FLAGS);

	private static final Pattern REMOTE = compile("(?<verb>\\b(?:anydesk|teamviewer|rustdesk|todesk|quick ?support"
			+ "|chrome remote desktop|remote (?:access|control|desktop|session|assistance|support|view)"
			+ "|screen[- ]?shar(?:e|ing)|share (?:your|the) (?:screen|desktop)|screen ?cast(?:ing)?)\\b"
			+ "|屏幕共享|共享屏幕|共享(?:您|你)的?屏幕|向日葵|远程(?!节点|服务器|rpc))", FLAGS);

	private static final String AMOUNT_EN = "(?:(?:a )?(?:small |tiny |little |test |minimum )?(?:amount|sum|deposit|transaction|transfer|payment)"
			+ "|some (?:funds|crypto|coins|tokens|usdt|usdc|eth|trx|btc|bnb|sol|money)|\\$\\s?\\d+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?\\s*(?:usdt|usdc|eth|trx|btc|bnb|sol|dollars?|usd)"
			+ "|funds|crypto|coins?|tokens?|usdt|eth|trx|btc|bnb|money)";

	private static final String NOT_END = "(?:[^.!?]|\\.(?=\\d))";

	private static final Pattern TRANSFER_EN = compile("\\b(?<verb>send|transfer|deposit|pay|move)\\b" + NOT_END
			+ "{0,30}?" + AMOUNT_EN + "\\b" + NOT_END + "{0,50}?\\b(?:verify|verification|validate|validation|activate"
			+ "|activation|unlock|unfreeze|release|authenticate|prove|confirm (?:your|the) (?:wallet|account|ownership|identity)|sync)",
			FLAGS);

	private static final Pattern TRANSFER_FEE_EN = compile(
			"\\b(?<verb>(?:verification|activation|unlock(?:ing)?|validation|unfreez(?:e|ing)) (?:fee|deposit|payment|transfer|transaction))\\b",
			FLAGS);

	private static final Pattern TRANSFER_ZH = compile("(?<verb>(?:转|打|充值|充|支付|汇)(?:账|款)?)[^，。]{0,8}?"
			+ "(?:一笔|一点|少量|小额|\\d+(?:\\.\\d+)?\\s*(?:u|usdt|trx|eth|元|块|个))[^，。]{0,10}?"
			+ "(?:验证|激活|解冻|解锁|核实|认证|确认身份|证明)" + "|(?<verb2>验证转账|转账验证|验证费|验证金|激活费|解冻费|解冻金|认证费)", FLAGS);

	private static final Pattern NEGATION = compile("\\b(?:never|not|no|none|nobody|no one|don't|dont|do not"
			+ "|doesn't|does not|won't|will not|wouldn't|cannot|can't|shouldn't|should not|must not|mustn't|avoid|refuse"
			+ "|beware|careful|warning|scam\\w*|fraud\\w*|phish\\w*|impersonat\\w*|fake|legitimate|red flag|ever"
			+ "|(?:did|have|has|had) (?:you|anyone|someone|anybody)"
			+ "|(?:someone|anyone|somebody|anybody|scammers?|people|others|they|he|she|strangers?)(?: who| that)?(?: \\w+)? (?:asks?|asking|requests?|wants?))\\b"
			+ "|不(?!好意思|久|少|同|过|但|仅)|不要|不能|切勿|绝不|决不|永远不|请勿|(?<![特区识级类个分性告])别(?!人)|不会|不得|禁止|从不|从来不|不可|不应|谨防|警惕|小心|任何人|任何(?:客服|工作人员|官方|团队)|没有人|有人|陌生人|他人|对方|是否曾经|是否曾|有没有把|有没有向|有没有将|无需|不需要|不必|骗子|诈骗|骗局"
			+ "|钓鱼|冒充|假冒|千万不|绝对不|保密|妥善保管|离线|抄写|手抄|纸上", FLAGS);

	private static final Pattern NOBODY_AFTER = compile(
			"\\b(?:with|to) (?:no one|nobody|anyone|anybody|others"
					+ "|strangers|third parties)\\b|\\bon paper\\b|\\boffline\\b|\\bis a scam|are scammers|给任何人|向任何人",
			FLAGS);

	private static final Pattern REASSURANCE = compile(
			"\\b(?:don't|do not|dont) (?:worry|hesitate|forget)(?: to)?\\b|\\bno worries\\b|\\b(?:this|it) is not (?:a )?(?:scam|fraud|phishing)\\b"
					+ "|\\bnot a scam\\b|\\bif you (?:don't|do not|dont)\\b|\\bunless you\\b|\\bno need to worry\\b"
					+ "|不要担心|别担心|不用担心|无需担心|别着急|不要着急|不是骗子|不是诈骗|不是骗局|别忘了|不要忘记|如果不|如果您不|如果你不|除非",
			FLAGS);

	private final SecretScanner scanner;

	/**
	 * Compiles with {@code \\b} meaning an ASCII word boundary: Java's own counts Han
	 * characters as word characters, so "请下载AnyDesk" would have no boundary before
	 * "AnyDesk".
	 */
	private static Pattern compile(String regex, int flags) {
		return Pattern.compile(regex.replace("\\b", ASCII_BOUNDARY), flags);
	}

	/**
	 * A guard that reports links by the scanner's link checker.
	 * @param scanner the scanner whose link checker classifies links and which finds
	 * secrets
	 */
	public OutgoingGuard(SecretScanner scanner) {
		this.scanner = Objects.requireNonNull(scanner, "scanner");
	}

	/**
	 * Checks a reply.
	 * @param reply the reply text, not null
	 * @param language the reply's language tag ({@code en}, {@code zh}, {@code zh-CN},
	 * ...), a hint only; may be null
	 * @return whether it is blocked and why, and the links that are not official
	 */
	public GuardVerdict check(String reply, String language) {
		Objects.requireNonNull(reply, "reply");
		Set<String> reasons = new LinkedHashSet<>();
		for (String clause : CLAUSE_BREAK.split(reply)) {
			String c = REASSURANCE.matcher(clause.toLowerCase(Locale.ROOT)).replaceAll(" ");
			if (c.isBlank()) {
				continue;
			}
			if (requestsSecret(c)) {
				reasons.add(GuardVerdict.SECRET_REQUEST);
			}
			if (named(REMOTE, c)) {
				reasons.add(GuardVerdict.REMOTE_ACCESS);
			}
			if (named(TRANSFER_EN, c) || named(TRANSFER_FEE_EN, c) || named(TRANSFER_ZH, c)) {
				reasons.add(GuardVerdict.VERIFICATION_TRANSFER);
			}
		}
		ScanResult scan = this.scanner.scan(reply);
		if (scan.hasSecrets()) {
			reasons.add(GuardVerdict.CONTAINS_SECRET);
		}
		List<LinkFinding> links = new ArrayList<>();
		for (LinkFinding link : scan.links()) {
			if (link.verdict() != LinkVerdict.OFFICIAL) {
				links.add(link);
			}
		}
		return new GuardVerdict(!reasons.isEmpty(), new ArrayList<>(reasons), links);
	}

	private static boolean requestsSecret(String clause) {
		for (Pattern pattern : new Pattern[] { REQUEST_EN, QUESTION_EN, NEEDED_EN, REQUEST_ZH, REQUEST_ZH_OBJECT_FIRST,
				QUESTION_ZH, NEEDED_ZH }) {
			Matcher m = pattern.matcher(clause);
			while (m.find()) {
				int verb = m.start("verb");
				if (!NEGATION.matcher(clause.substring(0, verb)).find()
						&& !NOBODY_AFTER.matcher(clause.substring(m.start())).find()) {
					return true;
				}
			}
		}
		return false;
	}

	/** Named in a clause that carries no negation or warning anywhere. */
	private static boolean named(Pattern pattern, String clause) {
		return pattern.matcher(clause).find() && !NEGATION.matcher(clause).find();
	}

}
