package io.walletdesk.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timed side of routing, safe on several nodes: expired offers move on (rows claimed
 * with {@code FOR UPDATE SKIP LOCKED}), silent consoles make agents away then offline
 * (each row changes once), and the in-memory index is rebuilt from the database.
 */
@Component
class RoutingSweeps {

	private static final Logger log = LoggerFactory.getLogger(RoutingSweeps.class);

	private final RoutingManagement routing;

	private final RoutingSettings settings;

	RoutingSweeps(RoutingManagement routing, RoutingSettings settings) {
		this.routing = routing;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.routing.rebuildIndex();
	}

	@Scheduled(fixedDelayString = "${walletdesk.routing.sweep-interval:5s}", initialDelayString = "5s")
	void sweep() {
		try {
			this.routing.expireOffers();
			this.routing.sweepInactive(this.settings);
		}
		catch (RuntimeException ex) {
			// The next sweep tries again; nothing was half-done (each step is one
			// transaction).
			log.warn("Routing sweep failed", ex);
		}
	}

	@Scheduled(fixedDelayString = "${walletdesk.routing.reconcile-interval:30s}", initialDelayString = "30s")
	void reconcile() {
		try {
			this.routing.rebuildIndex();
		}
		catch (RuntimeException ex) {
			log.warn("Rebuilding the routing index failed", ex);
		}
	}

}
