package io.walletdesk.sla;

import java.util.Map;

/**
 * How many finished timers met or missed their targets in a period.
 *
 * @param targets per target name, in the order of {@link SlaPolicy#TARGETS}
 */
public record SlaCompliance(Map<String, Counts> targets) {

	/**
	 * @param met finished before the deadline
	 * @param missed finished at or after the deadline, or still unfinished past it
	 */
	public record Counts(long met, long missed) {

		/** Share met, or 1 when nothing finished. */
		public double rate() {
			long total = this.met + this.missed;
			return total == 0 ? 1.0 : (double) this.met / total;
		}

	}

}
