package io.walletdesk.ticket.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.GroupView;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.Sentiment;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.ReplyDeliveryStates;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;

import org.springframework.stereotype.Component;

/**
 * Turns tickets, messages and history into what the console shows: names instead of ids,
 * times in the agent's own time zone, and message keys for everything that needs
 * translating.
 */
@Component
class ConsoleViews {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final AgentManagement agents;

	private final CustomerManagement customers;

	private final Clock clock;

	ConsoleViews(AgentManagement agents, CustomerManagement customers, Clock clock) {
		this.agents = agents;
		this.customers = customers;
		this.clock = clock;
	}

	/** Names and the time zone for one page, looked up once. */
	Names names(AgentPrincipal viewer) {
		ZoneId zone = this.agents.find(viewer.id()).map(agent -> zone(agent.timeZone())).orElse(ZoneId.of("UTC"));
		Map<UUID, String> groups = this.agents.groups()
			.stream()
			.collect(Collectors.toMap(GroupView::id, GroupView::name));
		return new Names(this.agents.displayNames(), groups, new HashMap<>(), zone);
	}

	List<TicketRow> rows(List<TicketView> tickets, Names names) {
		return tickets.stream().map(ticket -> row(ticket, names)).toList();
	}

	TicketRow row(TicketView ticket, Names names) {
		return new TicketRow(ticket.id(), ticket.number(), ticket.subject(), customerName(ticket.requesterId(), names),
				ticket.status(), ticket.priority(), ticket.category(), ticket.channel(),
				names.agents().get(ticket.assigneeId()), names.groups().get(ticket.groupId()),
				format(ticket.updatedAt(), names.zone()), iso(ticket.updatedAt()), awaitsReply(ticket));
	}

	List<Entry> timeline(List<TicketView.MessageView> messages, ReplyDeliveryStates.Deliveries deliveries,
			Names names) {
		return messages.stream().map(message -> {
			ReplyDeliveryStates.DeliveryState delivery = deliveries.of(message);
			return new Entry(message, format(message.receivedAt(), names.zone()), iso(message.receivedAt()), delivery,
					delivery == null ? null : format(delivery.nextAttemptAt(), names.zone()));
		}).toList();
	}

	List<HistoryLine> history(List<TicketView.Change> changes, Names names) {
		return changes.stream()
			.map(change -> new HistoryLine(format(change.changedAt(), names.zone()), iso(change.changedAt()),
					actorName(change), change.field(), value(change.field(), change.oldValue(), names),
					value(change.field(), change.newValue(), names)))
			.toList();
	}

	CustomerPanel customer(UUID customerId, Names names) {
		CustomerView customer = this.customers.get(customerId);
		String localTime = null;
		if (customer.timeZone() != null) {
			localTime = ZonedDateTime.now(this.clock.withZone(zone(customer.timeZone()))).format(TIME);
		}
		return new CustomerPanel(customer, localTime);
	}

	/** The agents a ticket can be assigned to: active ones. */
	List<AgentView> assignableAgents() {
		return this.agents.all().stream().filter(AgentView::enabled).toList();
	}

	List<GroupView> groups() {
		return this.agents.groups();
	}

	private String customerName(UUID customerId, Names names) {
		return names.customers().computeIfAbsent(customerId, id -> {
			try {
				return this.customers.get(id).displayName();
			}
			catch (NotFoundException ex) {
				return null;
			}
		});
	}

	private static String actorName(TicketView.Change change) {
		return change.actorName() == null ? "" : change.actorName();
	}

	/**
	 * A history value: a message key for enum values, a name for ids, else the raw text.
	 */
	private Value value(String field, String raw, Names names) {
		if (raw == null || raw.isEmpty()) {
			return new Value("history.none", null);
		}
		try {
			return switch (field) {
				case "status" -> new Value("status." + TicketStatus.fromId(raw).id(), null);
				case "priority" -> new Value("priority." + Priority.fromId(raw).id(), null);
				case "category" -> new Value("category." + Category.fromId(raw).id(), null);
				case "sentiment" -> new Value("sentiment." + Sentiment.fromId(raw).id(), null);
				case "assignee" -> new Value(null, names.agents().getOrDefault(UUID.fromString(raw), raw));
				case "group" -> new Value(null, names.groups().getOrDefault(UUID.fromString(raw), raw));
				case "requester" -> new Value(null, customerName(UUID.fromString(raw), names));
				default -> new Value(null, raw);
			};
		}
		catch (RuntimeException ex) {
			// History outlives renamed enum values and deleted records; show what was
			// stored.
			return new Value(null, raw);
		}
	}

	private static boolean awaitsReply(TicketView ticket) {
		return ticket.status().isActive() && ticket.lastCustomerMessageAt() != null
				&& (ticket.lastAgentMessageAt() == null
						|| ticket.lastCustomerMessageAt().isAfter(ticket.lastAgentMessageAt()));
	}

	static String format(Instant instant, ZoneId zone) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
	}

	static String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	private static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (RuntimeException ex) {
			return ZoneId.of("UTC");
		}
	}

	/**
	 * Lookups for one page: agent and group names, customer names as they are met, the
	 * viewer's time zone.
	 */
	record Names(Map<UUID, String> agents, Map<UUID, String> groups, Map<UUID, String> customers, ZoneId zone) {
	}

	/**
	 * One line of a ticket list.
	 */
	record TicketRow(UUID id, String number, String subject, String requester, TicketStatus status, Priority priority,
			Category category, Channel channel, String assignee, String group, String updated, String updatedIso,
			boolean awaitsReply) {
	}

	/**
	 * One message of the timeline, with its time in the viewer's zone and, for public
	 * replies of channel tickets, their delivery state (null otherwise).
	 */
	record Entry(TicketView.MessageView message, String at, String atIso, ReplyDeliveryStates.DeliveryState delivery,
			String nextAttemptAt) {

		public boolean internal() {
			return this.message.internal();
		}

		public boolean fromCustomer() {
			return this.message.authorKind() == AuthorKind.CUSTOMER;
		}

	}

	/**
	 * One line of the change history.
	 */
	record HistoryLine(String at, String atIso, String actor, String field, Value from, Value to) {
	}

	/**
	 * A value to show: either a message key to translate, or text as it is.
	 */
	record Value(String key, String text) {
	}

	/**
	 * The customer sidebar: the customer and their local time now.
	 */
	record CustomerPanel(CustomerView customer, String localTime) {
	}

}
