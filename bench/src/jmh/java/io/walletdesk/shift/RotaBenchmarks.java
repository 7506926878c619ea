package io.walletdesk.shift;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * What routing pays to ask the rota: {@code onShiftAgents} over 500 agents in four zones
 * (weekday, night and weekend patterns, some leave, regional holidays from the real
 * calendars), one agent's {@code onShift}, and one agent's next shift start. In the shift
 * package because the compiled schedules are package-private. Run with
 * {@code ./mvnw -Pbench -DskipTests -Dbench.main=io.walletdesk.shift.RotaBenchmarks test-compile exec:exec}.
 */
@State(Scope.Benchmark)
public class RotaBenchmarks {

	private static final String[] ZONES = { "Asia/Shanghai", "Europe/London", "Europe/Berlin", "America/Sao_Paulo" };

	private final List<AgentSchedule> schedules = new ArrayList<>();

	private final Instant[] instants = new Instant[1024];

	private int next;

	public RotaBenchmarks() {
		Random random = new Random(42);
		Holidays holidays = new Holidays(new RegionHolidays(), List.of());
		for (int i = 0; i < 500; i++) {
			String zone = ZONES[i % ZONES.length];
			List<WeeklyShift> pattern = new ArrayList<>();
			int start = 6 + random.nextInt(14);
			for (DayOfWeek day : DayOfWeek.values()) {
				if (i % 7 == 0 || day.getValue() <= 5) {
					pattern.add(new WeeklyShift(day, LocalTime.of(start, 0), LocalTime.of((start + 8) % 24, 30)));
				}
			}
			UUID id = UUID.randomUUID();
			List<ShiftExceptionView> exceptions = i % 10 == 0 ? List.of(new ShiftExceptionView(UUID.randomUUID(), id,
					ExceptionKind.LEAVE, Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-12T00:00:00Z"), ""))
					: List.of();
			this.schedules.add(new AgentSchedule(id, ZoneId.of(zone), RegionHolidays.regionOf(zone), pattern, exceptions,
					holidays::isHoliday));
		}
		Instant base = Instant.parse("2026-12-01T00:00:00Z");
		for (int i = 0; i < this.instants.length; i++) {
			this.instants[i] = base.plusSeconds(random.nextInt(14 * 24 * 3600));
		}
	}

	private Instant nextInstant() {
		this.next = (this.next + 1) & (this.instants.length - 1);
		return this.instants[this.next];
	}

	@Benchmark
	public Set<UUID> onShiftAgents500() {
		Instant at = nextInstant();
		Set<UUID> on = new HashSet<>();
		for (AgentSchedule schedule : this.schedules) {
			if (schedule.onShift(at)) {
				on.add(schedule.agentId());
			}
		}
		return on;
	}

	@Benchmark
	public boolean onShiftOneAgent() {
		return this.schedules.get(this.next % 500).onShift(nextInstant());
	}

	@Benchmark
	public Object nextShiftOneAgent() {
		Instant from = nextInstant();
		return this.schedules.get(this.next % 500).next(from, from.plus(Duration.ofDays(14)));
	}

	public static void main(String[] args) throws RunnerException {
		Options options = new OptionsBuilder().include(RotaBenchmarks.class.getSimpleName())
			.mode(Mode.SampleTime)
			.timeUnit(TimeUnit.MICROSECONDS)
			.forks(1)
			.threads(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(3)
			.measurementTime(TimeValue.seconds(2))
			.build();
		StringBuilder summary = new StringBuilder("\nRota, one thread, 500 agents\n");
		for (RunResult result : new Runner(options).run()) {
			String benchmark = result.getParams().getBenchmark();
			summary.append(String.format(Locale.ROOT, "%-20s p50 %8.2f us  p99 %8.2f us%n",
					benchmark.substring(benchmark.lastIndexOf('.') + 1),
					result.getPrimaryResult().getStatistics().getPercentile(50),
					result.getPrimaryResult().getStatistics().getPercentile(99)));
		}
		System.out.println(summary);
	}

}
