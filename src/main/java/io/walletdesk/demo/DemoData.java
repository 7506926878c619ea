package io.walletdesk.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.NewAgent;
import io.walletdesk.identity.Role;
import io.walletdesk.shift.ShiftManagement;
import io.walletdesk.shift.WeeklyShift;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.OpenTicket;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads sample groups, agents in several time zones and languages, and tickets in Chinese
 * and English, once: a database that already has the sample groups is left alone.
 */
@Component
@ConditionalOnBooleanProperty("walletdesk.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String MARKER_GROUP = "General support";

	private final AgentManagement agents;

	private final CustomerManagement customers;

	private final TicketManagement tickets;

	private final DemoSettings settings;

	private final Clock clock;

	private final ShiftManagement shifts;

	DemoData(AgentManagement agents, CustomerManagement customers, TicketManagement tickets, DemoSettings settings,
			Clock clock, ShiftManagement shifts) {
		this.agents = agents;
		this.customers = customers;
		this.tickets = tickets;
		this.settings = settings;
		this.clock = clock;
		this.shifts = shifts;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.agents.groupByName(MARKER_GROUP).isPresent()) {
			return;
		}
		UUID general = this.agents.createGroup(MARKER_GROUP, "First line, all languages").id();
		UUID security = this.agents.createGroup("Security", "Stolen funds, leaked secrets, phishing").id();
		UUID technical = this.agents.createGroup("Technical team", "Escalations needing engineers").id();
		UUID vip = this.agents.createGroup("Enterprise / VIP", "Institutional and high-value customers").id();

		AgentView liWei = agent("li.wei", "李伟 Li Wei", Role.AGENT, Set.of("zh", "en"), Set.of("transfer", "tron"),
				Set.of(general, security), "Asia/Shanghai");
		AgentView emma = agent("emma.jones", "Emma Jones", Role.AGENT, Set.of("en"), Set.of("evm", "dapp"),
				Set.of(general), "Europe/London");
		AgentView carlos = agent("carlos.mendes", "Carlos Mendes", Role.AGENT, Set.of("en", "es", "pt"),
				Set.of("trading"), Set.of(general, vip), "America/Sao_Paulo");
		AgentView zhangMin = agent("zhang.min", "张敏 Zhang Min", Role.SUPERVISOR, Set.of("zh", "en"), Set.of("security"),
				Set.of(general, security, vip), "Asia/Shanghai");
		AgentView jonas = agent("jonas.weber", "Jonas Weber", Role.TECH, Set.of("en", "de"),
				Set.of("evm", "bitcoin", "tron"), Set.of(technical), "Europe/Berlin");

		// Each agent works in their own zone; Chinese is covered 01:00-15:00 UTC on
		// weekdays
		// only, so the coverage page shows a Chinese gap through the Shanghai night.
		this.shifts.replacePattern(liWei.id(), weekdays("09:00", "18:00"));
		this.shifts.replacePattern(zhangMin.id(), weekdays("14:00", "23:00"));
		this.shifts.replacePattern(emma.id(), weekdays("08:00", "16:30"));
		List<WeeklyShift> carlosWeek = new ArrayList<>(weekdays("18:00", "02:00"));
		carlosWeek.add(new WeeklyShift(DayOfWeek.SATURDAY, LocalTime.of(12, 0), LocalTime.of(20, 0)));
		carlosWeek.add(new WeeklyShift(DayOfWeek.SUNDAY, LocalTime.of(12, 0), LocalTime.of(20, 0)));
		this.shifts.replacePattern(carlos.id(), carlosWeek);
		this.shifts.replacePattern(jonas.id(), weekdays("08:00", "16:00"));

		Instant now = this.clock.instant();
		ticket(IdentityKind.EMAIL, "wang.fang@example.cn", "王芳", "zh", "USDT转账一直显示pending",
				"你好，我昨天从钱包转了500 USDT (TRC20) 到交易所，到现在还没到账，一直显示pending。交易哈希：\n"
						+ "7c2d4f0a1b3e5d6c8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2\n请帮忙看看是什么情况，很着急！",
				Channel.EMAIL, Priority.HIGH, Category.TRANSFER, general, liWei, now.minus(Duration.ofMinutes(42)));
		TicketView stolen = ticket(IdentityKind.TELEGRAM, "tg:583920117", "Alex K.", "en",
				"My wallet was drained 10 minutes ago",
				"Someone just moved all my ETH and USDT out of my wallet. I didn't sign anything! "
						+ "Last thing I did was connect to an airdrop site. What do I do??",
				Channel.TELEGRAM, Priority.URGENT, Category.SECURITY_INCIDENT, security, null,
				now.minus(Duration.ofMinutes(2)));
		ticket(IdentityKind.WECHAT, "oX7a9-demo-openid-01", "陈先生", "zh", "导入钱包提示助记词无效",
				"换了新手机，导入钱包的时候一直提示助记词无效，我确定单词都是对的，怎么办？", Channel.WECHAT, Priority.NORMAL, Category.WALLET_SETUP,
				general, null, now.minus(Duration.ofHours(3)));
		TicketView swap = ticket(IdentityKind.EMAIL, "m.rossi@example.it", "Marco Rossi", "en",
				"Swap failed but gas was charged",
				"I tried to swap 2 ETH to USDC, the swap reverted with 'INSUFFICIENT_OUTPUT_AMOUNT' but I still "
						+ "paid 0.004 ETH gas. Can I get the fee back?",
				Channel.EMAIL, Priority.NORMAL, Category.TRADING, general, emma, now.minus(Duration.ofHours(6)));
		ticket(IdentityKind.APP_USER, "app-user-77812", "用户77812", "zh", "余额显示为0",
				"打开App后BNB余额显示为0，但是在bscscan上查地址是有币的。版本 6.2.1, iOS 17", Channel.IN_APP, Priority.HIGH,
				Category.ASSET_DISPLAY, general, null, now.minus(Duration.ofMinutes(25)));
		ticket(IdentityKind.WEB_VISITOR, "visitor-3f9a", "Visitor", "en", "Is this support account real?",
				"A Telegram user called 'WalletDesk Support Admin' DMed me and asked me to verify my wallet on "
						+ "walletdesk-verify.com. Is that you?",
				Channel.WEB_CHAT, Priority.HIGH, Category.SECURITY_ADVICE, security, null,
				now.minus(Duration.ofMinutes(8)));
		ticket(IdentityKind.EMAIL, "feedback@example.org", "Priya N.", "en", "Please add transaction filters",
				"Would love to filter my history by token and date. Otherwise great app!", Channel.EMAIL, Priority.LOW,
				Category.FEEDBACK, general, null, now.minus(Duration.ofDays(1)));

		Actor emmaActor = Actor.agent(emma.id(), emma.displayName());
		this.tickets.post(swap.id(), PostMessage.reply(emmaActor,
				"Hi Marco, sorry about that. When a swap reverts the network still charges gas for the work done, "
						+ "so the fee cannot be refunded. Try a higher slippage tolerance (1%) and retry.",
				Visibility.PUBLIC));
		this.tickets.change(swap.id(), ChangeTicket.status(TicketStatus.PENDING), emmaActor);
		Actor supervisor = Actor.agent(zhangMin.id(), zhangMin.displayName());
		this.tickets.post(stolen.id(), PostMessage.reply(supervisor,
				"Likely a malicious approval from the airdrop site. Check approvals on the chain tools and prepare "
						+ "the revoke guide.",
				Visibility.INTERNAL));
		log.info("Loaded demo data: 4 groups, 5 agents (password '{}'), 7 tickets", this.settings.agentPassword());
	}

	private static List<WeeklyShift> weekdays(String start, String end) {
		return Arrays.stream(DayOfWeek.values())
			.filter(day -> day.getValue() <= 5)
			.map(day -> new WeeklyShift(day, LocalTime.parse(start), LocalTime.parse(end)))
			.toList();
	}

	private AgentView agent(String username, String name, Role role, Set<String> languages, Set<String> skills,
			Set<UUID> groups, String zone) {
		return this.agents.create(new NewAgent(username, name, username + "@walletdesk.example",
				this.settings.agentPassword(), Set.of(role), languages, skills, groups, zone));
	}

	private TicketView ticket(IdentityKind kind, String handle, String name, String language, String subject,
			String body, Channel channel, Priority priority, Category category, UUID group, AgentView assignee,
			Instant receivedAt) {
		UUID requester = this.customers.identify(kind, handle, name, language);
		Map<String, Set<String>> tagsByCategory = Map.of("transfer", Set.of("usdt", "trc20"), "security_incident",
				Set.of("drained"), "trading", Set.of("swap"));
		return this.tickets.open(new OpenTicket(requester, subject, body, null, channel, null, receivedAt, priority,
				category, tagsByCategory.getOrDefault(category.id(), Set.of()), group,
				assignee == null ? null : assignee.id(), List.of(), Actor.system()));
	}

}
