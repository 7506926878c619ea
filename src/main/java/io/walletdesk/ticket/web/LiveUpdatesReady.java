package io.walletdesk.ticket.web;

import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers a console that subscribed to {@code /app/ready}. The broker sends no receipts,
 * and frames of one connection are handled in order, so this answer tells the console
 * that its ticket subscriptions are active and it will miss no notice from now on.
 */
@Controller
class LiveUpdatesReady {

	static final String DESTINATION = "/app/ready";

	@SubscribeMapping("/ready")
	String ready() {
		return "ready";
	}

}
