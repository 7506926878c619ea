package io.walletdesk.ticket.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketQueries;
import io.walletdesk.ticket.TicketFilter;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class ConsoleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TicketManagement tickets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketQueries queries;

	@Test
	void listShowsTheGroupsTicketsButNotOtherGroups() throws Exception {
		UUID mine = this.agents.group("wallet");
		UUID other = this.agents.group("security");
		AgentView agent = this.agents.create(Role.AGENT, mine);
		TicketView visible = this.console.ticket("Seed phrase backup question " + UUID.randomUUID(),
				"How do I back up?", mine, Priority.NORMAL);
		TicketView hidden = this.console.ticket("Hidden security case " + UUID.randomUUID(), "Private", other,
				Priority.NORMAL);

		String page = html(get("/tickets").param("view", "group").param("group", mine.toString()), agent);
		assertThat(page).contains(visible.subject()).contains(visible.number()).doesNotContain(hidden.subject());
		assertThat(page).contains("All open").contains("Unassigned").contains("Urgent first");

		String open = html(get("/tickets").param("view", "open"), agent);
		assertThat(open).contains(visible.subject()).doesNotContain(hidden.subject());

		String search = html(get("/tickets").param("q", hidden.subject()), agent);
		assertThat(search).doesNotContain("<span class=\"ticket-subject\">" + hidden.subject());
	}

	@Test
	void angryCustomersWhoWaitMoveUpWithinTheirPriority() throws Exception {
		UUID group = this.agents.group("moods");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView calm = this.console.ticket("Calm question " + UUID.randomUUID(), "When will it arrive?", group,
				Priority.NORMAL);
		TicketView angry = this.console.ticket("Angry customer " + UUID.randomUUID(), "Still nothing!!", group,
				Priority.NORMAL);
		mood(calm, "calm", 10);
		mood(angry, "angry", 6);
		// Six minutes of an angry customer count as twelve, ahead of ten calm ones.
		assertThat(queue(group, agent)).containsExactly(angry.id(), calm.id());
		mood(angry, "angry", 4);
		assertThat(queue(group, agent)).containsExactly(calm.id(), angry.id());
	}

	/** The queue order of one group's tickets (the urgent view lists every group's). */
	private List<UUID> queue(UUID group, AgentView agent) {
		return this.queries
			.list(new TicketFilter(null, null, null, null, false, group, null, null, null, null, null, null,
					TicketFilter.Order.URGENT_FIRST), this.console.principal(agent.id()), null, 50)
			.items()
			.stream()
			.map(TicketView::id)
			.toList();
	}

	/**
	 * Sets how the customer sounds and how long they have waited. The SLA deadline comes
	 * before the wait in the queue order; both tickets get the same one here, once the
	 * SLA module has recorded its own, so the wait alone decides.
	 */
	private void mood(TicketView ticket, String sentiment, int minutesWaiting) throws InterruptedException {
		// Triage and the SLA module react to the new ticket in the background; wait until
		// they are done, so neither writes the deadline again after this.
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline
				&& (this.jdbc.sql("select sla_due_at is null from ticket where id = ?")
					.param(ticket.id())
					.query(Boolean.class)
					.single()
						|| this.jdbc.sql("select count(*) from event_publication where completion_date is null")
							.query(Long.class)
							.single() > 0)) {
			Thread.sleep(50);
		}
		this.jdbc
			.sql("update ticket set sentiment = ?, sentiment_set_by_agent = true,"
					+ " last_customer_message_at = now() - make_interval(mins => ?),"
					+ " sla_due_at = timestamptz '2099-01-01 00:00:00+00' where id = ?")
			.params(sentiment, minutesWaiting, ticket.id())
			.update();
	}

	@Test
	void urgentViewListsUrgentTicketsBeforeOthers() throws Exception {
		UUID group = this.agents.group("queue");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView high = this.console.ticket("High priority swap stuck " + UUID.randomUUID(), "Stuck", group,
				Priority.HIGH);
		TicketView urgent = this.console.ticket("Urgent drained wallet " + UUID.randomUUID(), "Funds gone", group,
				Priority.URGENT);

		assertThat(queue(group, agent)).containsExactly(urgent.id(), high.id());
		String page = html(get("/tickets").param("view", "urgent"), agent);
		assertThat(page).contains("most urgent and longest waiting first");
	}

	@Test
	void navigationCountsTheAgentsActiveTickets() throws Exception {
		UUID group = this.agents.group("counted");
		AgentView agent = this.agents.create(Role.AGENT, group);
		this.console.ticket("Counted one", "1", group, Priority.NORMAL);
		this.console.ticket("Counted two", "2", group, Priority.NORMAL);

		String nav = html(get("/inbox/nav"), agent);
		assertThat(nav).containsPattern("<span>" + groupName(nav, group) + "</span>\\s*<span class=\"count\">2</span>");
		assertThat(nav).containsPattern("<span>My tickets</span>\\s*<span class=\"count\">0</span>");
	}

	@Test
	void ticketPageShowsConversationCustomerAndHistory() throws Exception {
		UUID group = this.agents.group("page");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("转账一直没有到账", "我昨天转了 100 USDT，到现在还没到账。", group, Priority.HIGH, "王小明",
				"wang-" + UUID.randomUUID() + "@example.test", "zh-CN");
		TicketView earlier = this.console.ticket("Earlier question", "Earlier", group, Priority.LOW, "王小明",
				customerEmail(ticket), "zh-CN");

		String page = html(get("/tickets/{id}", ticket.id()), agent);
		assertThat(page).contains("转账一直没有到账")
			.contains("我昨天转了 100 USDT，到现在还没到账。")
			.contains("王小明")
			.contains(customerEmail(ticket))
			.contains("zh-CN")
			.contains(earlier.number())
			.contains("Earlier question")
			.contains("High")
			.contains("History (");
	}

	@Test
	void publicReplyAndInternalNoteAppearInTheTimelineApart() throws Exception {
		UUID group = this.agents.group("reply");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Where is my BTC", "Sent an hour ago", group, Priority.NORMAL);

		String timeline = html(post("/tickets/{id}/messages", ticket.id()).param("body", "We are checking the chain.")
			.param("visibility", "public")
			.param("statusAfter", "pending")
			.header("HX-Request", "true")
			.with(csrf()), agent);
		assertThat(timeline).contains("id=\"timeline\"").contains("We are checking the chain.");
		assertThat(timeline).as("status control swapped out of band")
			.contains("id=\"ticket-controls\"")
			.contains("hx-swap-oob=\"true\"");
		assertThat(this.tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.PENDING);

		html(post("/tickets/{id}/messages", ticket.id()).param("body", "Customer seems to use a phishing site.")
			.param("visibility", "internal")
			.header("HX-Request", "true")
			.with(csrf()), agent);

		String page = html(get("/tickets/{id}", ticket.id()), agent);
		String note = messageBlock(page, "Customer seems to use a phishing site.");
		assertThat(note).contains("message-internal").contains("Internal note");
		String reply = messageBlock(page, "We are checking the chain.");
		assertThat(reply).contains("message-agent").contains("Public reply").doesNotContain("message-internal");
		assertThat(this.tickets.details(ticket.id()).messages())
			.anyMatch(m -> m.body().contains("phishing") && m.visibility() == Visibility.INTERNAL);
	}

	@Test
	void blankReplyShowsAnErrorUnderTheReplyBox() throws Exception {
		UUID group = this.agents.group("blank");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Blank reply", "?", group, Priority.NORMAL);
		MvcResult result = this.mvc
			.perform(post("/tickets/{id}/messages", ticket.id()).param("body", "  ")
				.header("HX-Request", "true")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		assertThat(result.getResponse().getHeader("HX-Retarget")).isEqualTo("#reply-error");
		assertThat(result.getResponse().getContentAsString()).contains("Write a message first.");
	}

	@Test
	void aReplyAskingForTheSeedPhraseIsRefusedWithTheReasonUnderTheReplyBox() throws Exception {
		UUID group = this.agents.group("guard");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Lost funds", "我的币不见了", group, Priority.HIGH);
		MvcResult result = this.mvc
			.perform(post("/tickets/{id}/messages", ticket.id()).param("body", "Please send me your seed phrase")
				.header("HX-Request", "true")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains("This reply was not sent.")
			.contains("which support must never do");
		assertThat(this.tickets.details(ticket.id()).messages()).hasSize(1);
	}

	@Test
	void linksToUnofficialSitesAreSentOnlyAfterTheAgentConfirms() throws Exception {
		UUID group = this.agents.group("links");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Revoke", "how do I revoke an approval?", group, Priority.NORMAL);
		String reply = "Open https://revoke.example.net and revoke it";
		MvcResult refused = this.mvc
			.perform(post("/tickets/{id}/messages", ticket.id()).param("body", reply)
				.header("HX-Request", "true")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().isConflict())
			.andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("https://revoke.example.net")
			.contains("name=\"confirmLinks\"");
		this.mvc
			.perform(post("/tickets/{id}/messages", ticket.id()).param("body", reply)
				.param("confirmLinks", "true")
				.header("HX-Request", "true")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().isOk());
		assertThat(this.tickets.details(ticket.id()).messages()).extracting(TicketView.MessageView::body)
			.contains(reply);
	}

	@Test
	void lookalikeLinksInCustomerMessagesAreFlaggedAndGuidanceCanBeInserted() throws Exception {
		UUID group = this.agents.group("phish");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Is this you?", "They sent me https://walletdesk-support.com/login",
				group, Priority.HIGH);
		String page = this.mvc.perform(get("/tickets/{id}", ticket.id()).with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Possible phishing link: https://walletdesk-support.com/login imitates walletdesk.io")
			.contains("Insert security guidance")
			.contains("data-insert-text=\"Our support team will never ask");
	}

	@Test
	void anAgentMergesAnotherCustomerRecordIntoTheRequester() throws Exception {
		UUID group = this.agents.group("merge");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView first = this.console.ticket("Old address", "from my old mail", group, Priority.NORMAL);
		TicketView second = this.console.ticket("New address", "from my new mail", group, Priority.NORMAL);
		String otherEmail = this.console.customerEmail(second.requesterId());
		this.console.awaitBackgroundWork();
		this.mvc
			.perform(post("/tickets/{id}/merge-customer", first.id()).param("other", "nobody@nowhere.test")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("mergeError", "customer.merge.notFound"));
		this.mvc
			.perform(post("/tickets/{id}/merge-customer", first.id()).param("other", otherEmail)
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.tickets.get(second.id()).requesterId()).isEqualTo(first.requesterId());
		String page = this.mvc.perform(get("/tickets/{id}", first.id()).with(this.console.as(agent.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(otherEmail).contains(second.number());
	}

	@Test
	void controlsChangeTheTicketAndTheHistorySaysWho() throws Exception {
		UUID group = this.agents.group("controls");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Assign me", "Please", group, Priority.NORMAL);

		String answer = html(post("/tickets/{id}/change", ticket.id()).param("status", "open")
			.param("priority", "urgent")
			.param("category", "transfer")
			.param("assignee", agent.id().toString())
			.param("group", group.toString())
			.header("HX-Request", "true")
			.with(csrf()), agent);
		assertThat(answer).contains("<option value=\"urgent\" selected=\"selected\">Urgent</option>")
			.contains("<option value=\"transfer\" selected=\"selected\">Transfer</option>");
		TicketView changed = this.tickets.get(ticket.id());
		assertThat(changed.priority()).isEqualTo(Priority.URGENT);
		assertThat(changed.assigneeId()).isEqualTo(agent.id());
		assertThat(changed.status()).isEqualTo(TicketStatus.OPEN);

		String page = html(get("/tickets/{id}", ticket.id()), agent);
		assertThat(page).contains(agent.displayName() + " changed assignee:")
			.contains("Assigned to " + agent.displayName());
		String mine = html(get("/tickets").param("view", "mine"), agent);
		assertThat(mine).contains("Assign me");
	}

	@Test
	void aChangeLeavesFieldsTheAgentDidNotTouchAsSomeoneElseSetThem() throws Exception {
		UUID group = this.agents.group("stale");
		AgentView agent = this.agents.create(Role.AGENT, group);
		AgentView colleague = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Two agents at once", "x", group, Priority.NORMAL);
		String page = html(get("/tickets/{id}", ticket.id()), agent);
		assertThat(page).contains("name=\"shown.priority\" value=\"normal\"");

		this.tickets.change(ticket.id(), new ChangeTicket(null, Priority.URGENT, null, null, null, null),
				Actor.agent(colleague.id(), colleague.displayName()));
		html(post("/tickets/{id}/change", ticket.id()).param("status", "open")
			.param("shown.status", "new")
			.param("priority", "normal")
			.param("shown.priority", "normal")
			.param("category", "")
			.param("shown.category", "")
			.param("assignee", "")
			.param("shown.assignee", "")
			.param("group", group.toString())
			.param("shown.group", group.toString())
			.header("HX-Request", "true")
			.with(csrf()), agent);

		TicketView after = this.tickets.get(ticket.id());
		assertThat(after.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(after.priority()).isEqualTo(Priority.URGENT);
	}

	@Test
	void illegalStatusMoveIsRefusedWithTheReason() throws Exception {
		UUID group = this.agents.group("illegal");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Close me at once", "Now", group, Priority.NORMAL);

		String answer = this.mvc
			.perform(post("/tickets/{id}/change", ticket.id()).param("status", "closed")
				.header("HX-Request", "true")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("A ticket cannot move from “New” to “Closed”.");
		assertThat(this.tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.NEW);
	}

	@Test
	void agentOutsideTheGroupGetsForbiddenAndNoData() throws Exception {
		UUID owners = this.agents.group("owners");
		UUID outsiders = this.agents.group("outsiders");
		AgentView outsider = this.agents.create(Role.AGENT, outsiders);
		TicketView ticket = this.console.ticket("Confidential recovery case", "Secret body text", owners,
				Priority.NORMAL);

		for (String part : new String[] { "", "/timeline", "/controls", "/history", "/header" }) {
			String body = this.mvc.perform(get("/tickets/" + ticket.id() + part).with(this.console.as(outsider.id())))
				.andExpect(status().isForbidden())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("Confidential recovery case").doesNotContain("Secret body text");
		}
		this.mvc
			.perform(post("/tickets/{id}/messages", ticket.id()).param("body", "Sneaky reply")
				.with(csrf())
				.with(this.console.as(outsider.id())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/tickets/{id}/change", ticket.id()).param("assignee", outsider.id().toString())
				.with(csrf())
				.with(this.console.as(outsider.id())))
			.andExpect(status().isForbidden());
		TicketView.Details after = this.tickets.details(ticket.id());
		assertThat(after.messages()).noneMatch(m -> m.body().contains("Sneaky"));
		assertThat(after.ticket().assigneeId()).isNull();
	}

	@Test
	void forbiddenTicketPageTellsThePersonWithoutShowingTheTicket() throws Exception {
		UUID owners = this.agents.group("owners");
		AgentView outsider = this.agents.create(Role.AGENT);
		TicketView ticket = this.console.ticket("Whale account recovery", "Big secret", owners, Priority.NORMAL);
		String cookie = ConsoleTestSupport.signInOverHttp(this.port, outsider.username(), TestAgents.PASSWORD);
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/tickets/" + ticket.id()))
				.header("Cookie", cookie)
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("No access")
			.contains("ask a supervisor")
			.doesNotContain("Whale account recovery")
			.doesNotContain("Big secret");
	}

	@Test
	void consolePostsNeedTheCsrfToken() throws Exception {
		UUID group = this.agents.group("csrf");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("CSRF target", "x", group, Priority.NORMAL);
		this.mvc
			.perform(post("/tickets/{id}/messages", ticket.id()).param("body", "Forged reply")
				.with(this.console.as(agent.id())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/tickets/{id}/change", ticket.id()).param("priority", "low")
				.with(this.console.as(agent.id())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/profile/two-factor").param("code", "123456").with(this.console.as(agent.id())))
			.andExpect(status().isForbidden());
		assertThat(this.tickets.details(ticket.id()).messages()).noneMatch(m -> m.body().contains("Forged"));
		assertThat(this.tickets.get(ticket.id()).priority()).isEqualTo(Priority.NORMAL);
	}

	@Test
	void speaksChineseWhenAskedAndRemembersIt() throws Exception {
		UUID group = this.agents.group("zh");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Chinese labels", "x", group, Priority.URGENT);

		MvcResult switched = this.mvc
			.perform(get("/tickets/{id}", ticket.id()).param("lang", "zh-CN").with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(switched.getResponse().getContentAsString()).contains("lang=\"zh-CN\"")
			.contains("紧急")
			.contains("新建")
			.contains("内部备注")
			.contains("发送")
			.doesNotContain("Internal note");
		Cookie remembered = switched.getResponse().getCookie("walletdesk-lang");
		assertThat(remembered).isNotNull();

		String later = html(get("/tickets").cookie(remembered), agent);
		assertThat(later).contains("全部进行中").contains("紧急优先");

		String english = html(get("/tickets").param("lang", "en"), agent);
		assertThat(english).contains("All open").doesNotContain("全部进行中");
	}

	@Test
	void signInPageFollowsTheBrowserLanguage() throws Exception {
		String chinese = this.mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.5"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("登录 WalletDesk").contains("用户名");
		String french = this.mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(french).contains("Sign in to WalletDesk").contains("lang=\"en\"");
	}

	@Test
	void staticAssetsAndWebjarsAreServed() throws Exception {
		for (String asset : new String[] { "/css/console.css", "/js/console.js", "/webjars/htmx.org/dist/htmx.min.js",
				"/webjars/stomp__stompjs/bundles/stomp.umd.min.js" }) {
			this.mvc.perform(get(asset)).andExpect(status().isOk());
		}
	}

	private String html(MockHttpServletRequestBuilder request, AgentView agent) throws Exception {
		return this.mvc.perform(request.with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String customerEmail(TicketView ticket) {
		return this.console.customerEmail(ticket.requesterId());
	}

	/** The timeline item holding the text. */
	private static String messageBlock(String page, String text) {
		int at = page.indexOf(text);
		assertThat(at).as("message on the page").isPositive();
		int start = page.lastIndexOf("<li", at);
		int end = page.indexOf("</li>", at);
		return page.substring(start, end);
	}

	private static String groupName(String nav, UUID group) {
		int link = nav.indexOf("group=" + group);
		int start = nav.indexOf("<span>", link) + "<span>".length();
		return nav.substring(start, nav.indexOf("</span>", start));
	}

}
