package io.walletdesk.ticket.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketStatus;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word an agent reads in the console comes from the message bundles, in English and
 * in Simplified Chinese. Fails the build when a template holds hard-coded text, uses a
 * key a bundle lacks, or when the two bundles' keys differ. No Spring: the templates and
 * bundles are read as files.
 */
class ConsoleI18nTests {

	private static final Path TEMPLATES = Paths.get("src", "main", "resources", "templates");

	private static final Path JAVA = Paths.get("src", "main", "java", "io", "walletdesk");

	private static final Path ENGLISH = Paths.get("src", "main", "resources", "messages", "messages.properties");

	private static final Path CHINESE = Paths.get("src", "main", "resources", "messages", "messages_zh_CN.properties");

	/**
	 * Words that may stand in a template as they are. Only the product name: it is the
	 * same in every language.
	 */
	static final Set<String> ALLOWED_WORDS = Set.of("WalletDesk");

	/**
	 * Attributes whose value people read (tooltips, placeholders, text for assistive
	 * technology).
	 */
	static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label", "aria-description",
			"aria-placeholder", "aria-roledescription", "aria-valuetext", "label");

	/** Thymeleaf attributes whose expression becomes text people read. */
	static final Set<String> TEXT_EXPRESSIONS = Set.of("th:text", "th:utext", "th:title", "th:placeholder", "th:alt",
			"th:aria-label", "th:label", "th:value");

	/**
	 * Keys a template builds at run time, written as the key with {@code *} for the
	 * variable part, and every value the variable part takes. A template that builds a
	 * key in a new way fails until its values are listed here, so each of them is checked
	 * against both bundles.
	 */
	static final Map<String, List<String>> DYNAMIC_KEYS = dynamicKeys();

	private static Map<String, List<String>> dynamicKeys() {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		keys.put("status.*", ids(TicketStatus.values(), TicketStatus::id));
		keys.put("priority.*", ids(Priority.values(), Priority::id));
		keys.put("category.*", ids(Category.values(), Category::id));
		keys.put("sentiment.*", ids(io.walletdesk.ticket.Sentiment.values(), io.walletdesk.ticket.Sentiment::id));
		// Triage panel and model page (triage.web.TriageConsole).
		keys.put("triage.rule.*", List.of("secret_exposed", "incident_at_least_high"));
		keys.put("triage.trigger.*", List.of("shipped", "on_demand", "nightly"));
		keys.put("channel.*", ids(Channel.values(), Channel::id));
		keys.put("author.*", ids(AuthorKind.values(), AuthorKind::id));
		keys.put("identity.*", ids(IdentityKind.values(), IdentityKind::id));
		keys.put("delivery.*", List.of("queued", "sending", "sent", "delivered", "read", "failed"));
		keys.put("role.*", ids(Role.values(), role -> role.name().toLowerCase(Locale.ROOT)));
		keys.put("view.*", ids(InboxView.values(), InboxView::id));
		keys.put("view.*.hint", ids(InboxView.values(), InboxView::id));
		// Presence switch (routing.web.PresenceConsole).
		keys.put("routing.presence.*", List.of("online", "away", "offline"));
		// SLA panel, bell and admin page (sla.web.SlaConsole).
		keys.put("sla.target.*", List.of("firstResponse", "nextResponse", "periodicUpdate", "resolution"));
		keys.put("sla.state.*", List.of("active", "paused", "met", "missed"));
		keys.put("sla.bell.*", List.of("warning", "breach"));
		keys.put("sla.action.*", List.of("notify", "raise_priority", "reassign"));
		keys.put("sla.weekday.*",
				List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
		// Flash messages of TicketPageController.mergeCustomer.
		keys.put("customer.merge.*", List.of("notFound", "same"));
		// Shift pages (shift.web.ShiftPages): ISO days, exception kinds, rejected
		// filters.
		keys.put("shift.day.*", List.of("1", "2", "3", "4", "5", "6", "7"));
		keys.put("shift.kind.*",
				ids(io.walletdesk.shift.ExceptionKind.values(), io.walletdesk.shift.ExceptionKind::name));
		keys.put("shift.invalid.*", List.of("zone", "week", "weeks"));
		keys.put("audit.kind.*", List.of("secret_redacted", "reply_blocked", "phishing_link", "unofficial_link_sent"));
		keys.put("linkReason.*", ids(io.walletdesk.safety.LinkReason.values(), io.walletdesk.safety.LinkReason::code));
		keys.put("guidance.*", List.copyOf(new io.walletdesk.safety.SafetyGuidance().keys()));
		// Why the outgoing guard refused a reply (TicketPageController.reply).
		keys.put("reply.blocked.*",
				List.of(io.walletdesk.safety.GuardVerdict.SECRET_REQUEST,
						io.walletdesk.safety.GuardVerdict.REMOTE_ACCESS,
						io.walletdesk.safety.GuardVerdict.VERIFICATION_TRANSFER,
						io.walletdesk.safety.GuardVerdict.CONTAINS_SECRET));
		// Channel health and inbox endpoints (channel.InboxHealth,
		// channel.web.InboxEndpoints).
		keys.put("health.status.*", List.of("ok", "warning", "failing", "disabled"));
		keys.put("health.problem.*", List.of("missing_credential", "expired_credentials", "check_failing",
				"replies_failing", "replies_stuck", "requests_refused"));
		keys.put("health.figure.*", List.of("quarantined", "automaticIgnored"));
		keys.put("endpoint.*", List.of("telegram_webhook", "wechat_server_url", "widget_snippet", "app_api_base",
				"webhook_messages", "phone_events"));
		// Delivery states of replies (ReplyDeliveryStates, channel_delivery.status).
		keys.put("delivery.*", List.of("queued", "sending", "sent", "delivered", "read", "failed"));
		// The phone channel's calls panel (channels/phone/calls): directions and the
		// codes of CallProblem.
		keys.put("calls.direction.*", List.of("inbound", "outbound"));
		keys.put("calls.error.*", List.of("required", "number", "direction", "duration", "tooLong", "https", "inbox",
				"ticket", "closed", "future"));
		// The fields a ticket records in its history (Ticket.record).
		keys.put("field.*", List.of("status", "priority", "category", "assignee", "group", "tags", "requester"));
		// A whole key from Java: ConsoleViews.Value, for history values.
		List<String> historyValues = new ArrayList<>(List.of("history.none"));
		Stream.of("status.*", "priority.*", "category.*")
			.forEach(pattern -> keys.get(pattern).forEach(id -> historyValues.add(pattern.replace("*", id))));
		keys.put("*", historyValues);
		return keys;
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			TemplateText text = TemplateText.check(TEMPLATES.relativize(template).toString(),
					Files.readString(template));
			problems.addAll(text.hardCodedText());
		}
		assertThat(problems).as("hard-coded text in templates: use th:text=\"#{key}\"").isEmpty();
	}

	@Test
	void everyKeyATemplateUsesIsInBothBundles() throws IOException {
		Properties english = load(ENGLISH);
		Properties chinese = load(CHINESE);
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			TemplateText text = TemplateText.check(TEMPLATES.relativize(template).toString(),
					Files.readString(template));
			problems.addAll(text.unregisteredDynamicKeys());
			for (String key : text.keys()) {
				problems.addAll(missing(key, text.name(), english, chinese));
			}
		}
		assertThat(problems).as("message keys used by templates").isEmpty();
	}

	@Test
	void everyKeyBuiltAtRunTimeIsInBothBundles() throws IOException {
		Properties english = load(ENGLISH);
		Properties chinese = load(CHINESE);
		List<String> problems = new ArrayList<>();
		DYNAMIC_KEYS.forEach((pattern, values) -> values
			.forEach(value -> problems.addAll(missing(pattern.replace("*", value), pattern, english, chinese))));
		assertThat(problems).as("message keys built from enums and fields").isEmpty();
	}

	@Test
	void keysNamedInControllersAreInBothBundles() throws IOException {
		Properties english = load(ENGLISH);
		Properties chinese = load(CHINESE);
		Set<String> prefixes = english.stringPropertyNames()
			.stream()
			.map(key -> key.substring(0, key.indexOf('.') + 1))
			.filter(prefix -> !prefix.isEmpty())
			.collect(Collectors.toSet());
		Pattern literal = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z][a-zA-Z-]*)+)\"");
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path source : files
				.filter(path -> path.toString().contains("/web/") && path.toString().endsWith(".java"))
				.toList()) {
				Matcher matcher = literal.matcher(Files.readString(source));
				while (matcher.find()) {
					String key = matcher.group(1);
					if (prefixes.stream().anyMatch(key::startsWith)) {
						problems.addAll(missing(key, source.getFileName().toString(), english, chinese));
					}
				}
			}
		}
		assertThat(problems).as("message keys named in Java").isEmpty();
	}

	@Test
	void bothBundlesHaveTheSameKeysAndNoEmptyMessages() throws IOException {
		Properties english = load(ENGLISH);
		Properties chinese = load(CHINESE);
		Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
		onlyEnglish.removeAll(chinese.stringPropertyNames());
		Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
		onlyChinese.removeAll(english.stringPropertyNames());
		assertThat(onlyEnglish).as("keys missing from messages_zh_CN.properties").isEmpty();
		assertThat(onlyChinese).as("keys missing from messages.properties").isEmpty();
		assertThat(chinese.stringPropertyNames()).as("empty Chinese messages")
			.noneMatch(key -> chinese.getProperty(key).isBlank());
		assertThat(english.stringPropertyNames()).as("empty English messages")
			.noneMatch(key -> english.getProperty(key).isBlank());
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		TemplateText sample = TemplateText.check("sample.html", """
				<html xmlns:th="http://www.thymeleaf.org">
				<body>
				  <h1>Hello agent</h1>
				  <p th:text="#{known.key}">Prototype text is replaced</p>
				  <input placeholder="Type here">
				  <span th:text="'Literal words' + ${x}"></span>
				  <span th:text="|Dear ${name}|"></span>
				  <span th:text="${kind == 'group'} ? #{known.key} : ${other}"></span>
				  <span th:text="#{missing.key(${n})}"></span>
				  <span th:text="#{${'mystery.' + kind}}"></span>
				  <span th:title="#{known.key} + ' · WalletDesk'">WalletDesk 2.0 · —</span>
				  <!--/* Comments may say anything. */-->
				</body>
				</html>
				""");
		assertThat(sample.hardCodedText()).hasSize(4)
			.anyMatch(problem -> problem.contains("Hello agent"))
			.anyMatch(problem -> problem.contains("Type here"))
			.anyMatch(problem -> problem.contains("Literal words"))
			.anyMatch(problem -> problem.contains("Dear"));
		assertThat(sample.keys()).containsExactlyInAnyOrder("known.key", "missing.key");
		assertThat(sample.unregisteredDynamicKeys()).singleElement().asString().contains("mystery.*");
	}

	private static List<String> missing(String key, String where, Properties english, Properties chinese) {
		List<String> problems = new ArrayList<>();
		if (!english.containsKey(key)) {
			problems.add(where + ": " + key + " is missing from messages.properties");
		}
		if (!chinese.containsKey(key)) {
			problems.add(where + ": " + key + " is missing from messages_zh_CN.properties");
		}
		return problems;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> templates = files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
			assertThat(templates).as("templates under " + TEMPLATES).isNotEmpty();
			return templates;
		}
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static <E> List<String> ids(E[] values, Function<E, String> id) {
		return Arrays.stream(values).map(id).toList();
	}

	/**
	 * What one template shows people and which message keys it uses, read with
	 * Thymeleaf's own parser.
	 */
	static final class TemplateText extends AbstractMarkupHandler {

		private static final Pattern LETTERS = Pattern.compile("\\p{L}");

		private static final Pattern LITERAL_KEY = Pattern.compile("[A-Za-z][\\w.-]*");

		private final String name;

		private final List<String> hardCodedText = new ArrayList<>();

		private final Set<String> keys = new TreeSet<>();

		private final List<String> unregisteredDynamicKeys = new ArrayList<>();

		/**
		 * Open elements, each marked whether th:text (or th:utext) replaces its content.
		 */
		private final Deque<Boolean> replaced = new ArrayDeque<>();

		private boolean currentReplaced;

		private String currentElement;

		private final Map<String, String> currentAttributes = new LinkedHashMap<>();

		private TemplateText(String name) {
			this.name = name;
		}

		static TemplateText check(String name, String html) {
			TemplateText text = new TemplateText(name);
			try {
				new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(new StringReader(html), text);
			}
			catch (ParseException ex) {
				throw new AssertionError(name + " does not parse: " + ex.getMessage(), ex);
			}
			return text;
		}

		String name() {
			return this.name;
		}

		List<String> hardCodedText() {
			return this.hardCodedText;
		}

		Set<String> keys() {
			return this.keys;
		}

		List<String> unregisteredDynamicKeys() {
			return this.unregisteredDynamicKeys;
		}

		@Override
		public void handleOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
			startElement(new String(buffer, offset, len));
		}

		@Override
		public void handleStandaloneElementStart(char[] buffer, int offset, int len, boolean minimized, int line,
				int col) {
			startElement(new String(buffer, offset, len));
		}

		@Override
		public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
				int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
				int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
			String attribute = new String(buffer, nameOffset, nameLen);
			String value = new String(buffer, valueContentOffset, valueContentLen);
			this.currentAttributes.put(attribute, value);
			if ("th:text".equals(attribute) || "th:utext".equals(attribute)) {
				this.currentReplaced = true;
			}
			collectKeys(value, valueLine);
			if (READ_ATTRIBUTES.contains(attribute) && isHumanText(value)) {
				report(valueLine, attribute + "=\"" + value + "\"");
			}
			if (TEXT_EXPRESSIONS.contains(attribute)) {
				for (String literal : literals(withoutMessageExpressions(value))) {
					if (isHumanText(literal)) {
						report(valueLine, attribute + " literal '" + literal.strip() + "'");
					}
				}
			}
		}

		@Override
		public void handleOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
			boolean enclosingReplaced = !this.replaced.isEmpty() && this.replaced.peek();
			this.replaced.push(enclosingReplaced || this.currentReplaced);
		}

		@Override
		public void handleCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
			pop();
		}

		@Override
		public void handleAutoCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
			pop();
		}

		@Override
		public void handleText(char[] buffer, int offset, int len, int line, int col) {
			String text = new String(buffer, offset, len);
			boolean insideReplaced = !this.replaced.isEmpty() && this.replaced.peek();
			if (!insideReplaced && isHumanText(text)) {
				report(line, "text '" + text.strip() + "'");
			}
		}

		private void startElement(String element) {
			this.currentElement = element;
			this.currentReplaced = false;
			this.currentAttributes.clear();
		}

		private void pop() {
			if (!this.replaced.isEmpty()) {
				this.replaced.pop();
			}
		}

		private void report(int line, String what) {
			this.hardCodedText.add(this.name + ":" + line + " <" + this.currentElement + "> " + what);
		}

		/**
		 * Message expressions {@code #{...}} in an attribute value: literal keys, or
		 * built keys.
		 */
		private void collectKeys(String value, int line) {
			int start = value.indexOf("#{");
			while (start >= 0) {
				int end = closingBrace(value, start + 1);
				String expression = value.substring(start + 2, end);
				if (expression.startsWith("${") || expression.startsWith("*{")) {
					String pattern = dynamicPattern(expression);
					if (!DYNAMIC_KEYS.containsKey(pattern)) {
						this.unregisteredDynamicKeys.add(this.name + ":" + line + " builds keys like " + pattern
								+ ": list its values in ConsoleI18nTests.DYNAMIC_KEYS");
					}
				}
				else {
					Matcher key = LITERAL_KEY.matcher(expression);
					if (key.lookingAt()) {
						this.keys.add(key.group());
					}
				}
				start = value.indexOf("#{", start + 2);
			}
		}

		/** {@code ${'view.' + view + '.hint'}} becomes {@code view.*.hint}. */
		private static String dynamicPattern(String expression) {
			String inner = expression.substring(2, closingBrace(expression, 1));
			return Arrays.stream(inner.split("\\+"))
				.map(String::strip)
				.map(part -> part.startsWith("'") && part.endsWith("'") && part.length() >= 2
						? part.substring(1, part.length() - 1) : "*")
				.collect(Collectors.joining());
		}

		private static int closingBrace(String value, int openingBrace) {
			int depth = 0;
			for (int i = openingBrace; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}' && --depth == 0) {
					return i;
				}
			}
			throw new AssertionError("Unbalanced braces in " + value);
		}

		private static String withoutMessageExpressions(String value) {
			StringBuilder rest = new StringBuilder();
			int at = 0;
			int start = value.indexOf("#{");
			while (start >= 0) {
				rest.append(value, at, start);
				at = closingBrace(value, start + 1) + 1;
				start = value.indexOf("#{", at);
			}
			return rest.append(value.substring(at)).toString();
		}

		/**
		 * Quoted literals, and the fixed text of literal substitutions {@code |...|}. A
		 * literal compared with {@code ==} or {@code !=} is a value, not text, and is
		 * left out.
		 */
		private static List<String> literals(String expression) {
			List<String> literals = new ArrayList<>();
			Matcher quoted = Pattern.compile("'([^']*)'").matcher(expression);
			while (quoted.find()) {
				String before = expression.substring(0, quoted.start()).stripTrailing();
				String after = expression.substring(quoted.end()).stripLeading();
				boolean compared = before.endsWith("==") || before.endsWith("!=") || after.startsWith("==")
						|| after.startsWith("!=");
				if (!compared) {
					literals.add(quoted.group(1));
				}
			}
			Matcher substitution = Pattern.compile("\\|([^|]*)\\|").matcher(expression);
			while (substitution.find()) {
				literals.add(substitution.group(1).replaceAll("\\$\\{[^}]*}", " "));
			}
			return literals;
		}

		/**
		 * Letters left once the allowed words are taken out; whitespace, digits and
		 * punctuation pass.
		 */
		private static boolean isHumanText(String text) {
			String rest = text;
			for (String allowed : ALLOWED_WORDS) {
				rest = rest.replace(allowed, " ");
			}
			return LETTERS.matcher(rest).find();
		}

	}

}
