package io.walletdesk.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells a customer who writes while nobody who could answer is on shift when people are
 * back: once per ticket, as a public system reply, in the customer's language and time
 * zone. The ticket stays in the queue, where its age puts it first for the next shift.
 */
@Component
class OutOfHoursNotice {

	private final ShiftCheck shifts;

	private final RoutingStore store;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final MessageSource messages;

	OutOfHoursNotice(ShiftCheck shifts, RoutingStore store, TicketManagement tickets, CustomerManagement customers,
			MessageSource messages) {
		this.shifts = shifts;
		this.store = store;
		this.tickets = tickets;
		this.customers = customers;
		this.messages = messages;
	}

	/**
	 * Posts the notice when the next staffed moment for the ticket's language and group
	 * is later than now and the ticket has not had one.
	 * @return whether a notice was posted
	 */
	boolean postIfClosed(TicketView ticket, String language, Instant now) {
		Optional<Instant> back = this.shifts.nextStaffed(now, "mixed".equals(language) ? null : language,
				ticket.groupId());
		if (back.isEmpty() || !back.get().isAfter(now) || !this.store.noticeOnce(ticket.id(), back.get(), now)) {
			return false;
		}
		String replyLanguage = this.tickets.replyLanguage(ticket.id());
		Locale locale = replyLanguage.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		ZoneId zone = zone(ticket, locale);
		String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(back.get());
		String text = this.messages.getMessage("routing.outOfHours.reply", new Object[] { when, zone.getId() }, locale);
		this.tickets.post(ticket.id(), PostMessage.reply(Actor.system(), text, Visibility.PUBLIC));
		return true;
	}

	/**
	 * The customer's own time zone, else the usual one for their language (China Standard
	 * Time for Chinese), else UTC.
	 */
	private ZoneId zone(TicketView ticket, Locale locale) {
		String zone = this.customers.find(ticket.requesterId()).map(CustomerView::timeZone).orElse(null);
		if (zone != null && !zone.isBlank()) {
			try {
				return ZoneId.of(zone);
			}
			catch (RuntimeException ex) {
				// An unknown zone in the profile falls back like a missing one.
			}
		}
		return locale.getLanguage().equals("zh") ? ZoneId.of("Asia/Shanghai") : ZoneId.of("UTC");
	}

}
