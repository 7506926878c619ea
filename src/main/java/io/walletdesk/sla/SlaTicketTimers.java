package io.walletdesk.sla;

import java.util.List;

/**
 * A ticket's policy and, per target, its latest timer run, for the console.
 */
public record SlaTicketTimers(String policy, List<SlaTimerView> timers) {
}
