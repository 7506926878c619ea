package io.walletdesk.shift;

/**
 * Erlang C staffing: how many agents an hour needs so that the share of conversations
 * answered within the target wait reaches the service level, without agents busier than
 * the maximum occupancy. Written here because no maintained Java library offers it; the
 * formula is a few lines.
 */
final class ErlangC {

	private ErlangC() {
	}

	/**
	 * The probability that a conversation waits, with {@code agents} agents and
	 * {@code traffic} Erlangs of offered load (arrival rate times handling time).
	 * Computed through the Erlang B recursion, which stays stable where factorials
	 * overflow.
	 */
	static double waitProbability(int agents, double traffic) {
		if (traffic <= 0) {
			return 0;
		}
		if (agents <= traffic) {
			return 1;
		}
		double blocking = 1;
		for (int k = 1; k <= agents; k++) {
			blocking = traffic * blocking / (k + traffic * blocking);
		}
		return agents * blocking / (agents - traffic * (1 - blocking));
	}

	/**
	 * The share of conversations answered within {@code answerSeconds}.
	 */
	static double serviceLevel(int agents, double traffic, double handlingSeconds, double answerSeconds) {
		if (traffic <= 0) {
			return 1;
		}
		if (agents <= traffic) {
			return 0;
		}
		return 1 - waitProbability(agents, traffic) * Math.exp(-(agents - traffic) * answerSeconds / handlingSeconds);
	}

	/**
	 * The fewest agents that meet the service level and the occupancy cap; zero when no
	 * conversations arrive.
	 * @param arrivalsPerHour conversations arriving in the hour
	 */
	static int requiredAgents(double arrivalsPerHour, double handlingSeconds, double serviceLevel, double answerSeconds,
			double maxOccupancy) {
		if (arrivalsPerHour <= 0) {
			return 0;
		}
		double traffic = arrivalsPerHour * handlingSeconds / 3600;
		int agents = Math.max(1, (int) Math.floor(traffic) + 1);
		while (serviceLevel(agents, traffic, handlingSeconds, answerSeconds) < serviceLevel
				|| traffic / agents > maxOccupancy) {
			agents++;
		}
		return agents;
	}

}
