package io.walletdesk.routing.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.routing.internal.AgentIndex;

/**
 * Routing decision latency: the real in-memory agent index with 500 online agents (mixed
 * languages, skills, four groups, varied capacities) holding 50,000 open tickets, and the
 * real decision ({@code AgentIndex.choose}) for random tickets, each decision followed by
 * the load update an assignment causes. Prints p50, p99 and max. A plain timing loop
 * rather than JMH because the figure asked for is a latency distribution per decision:
 * {@code ./mvnw -o -Pbench -DskipTests -Dbench.main=io.walletdesk.routing.bench.RoutingBenchmark test-compile exec:exec}.
 */
public final class RoutingBenchmark {

	private RoutingBenchmark() {
	}

	public static void main(String[] args) {
		Random random = new Random(42);
		List<UUID> groups = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		List<String> languages = List.of("zh", "en", "ja", "ko", "ru", "es");
		List<String> skills = List.of("security", "technical", "vip", "billing");
		List<AgentIndex.AgentFacts> facts = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			Set<String> spoken = new HashSet<>(Set.of(i % 3 == 0 ? "en" : "zh"));
			spoken.add(languages.get(random.nextInt(languages.size())));
			Set<String> has = new HashSet<>();
			has.add(skills.get(random.nextInt(skills.size())));
			facts.add(new AgentIndex.AgentFacts(UUID.randomUUID(), "agent" + i, spoken, has,
					new HashSet<>(List.of(groups.get(i % groups.size()), groups.get(random.nextInt(groups.size())))),
					"online",
					5 + random.nextInt(6), 100 + random.nextInt(100), Instant.EPOCH.plusSeconds(random.nextInt(100_000))));
		}
		AgentIndex index = new AgentIndex();
		index.rebuild(facts, Map.of());
		// 50,000 open tickets held by the agents, through the same path events take.
		for (int i = 0; i < 50_000; i++) {
			index.hold(UUID.randomUUID(), facts.get(random.nextInt(facts.size())).agentId(), i % 10 == 0);
		}
		int rounds = 200_000;
		long[] nanos = new long[rounds];
		int found = 0;
		Map<UUID, Boolean> onShift = new HashMap<>();
		facts.forEach(f -> onShift.put(f.agentId(), random.nextInt(10) != 0));
		for (int i = 0; i < rounds; i++) {
			boolean live = random.nextBoolean();
			AgentIndex.Needs needs = new AgentIndex.Needs(groups.get(random.nextInt(groups.size())),
					Set.of(languages.get(random.nextInt(2))), random.nextInt(4) == 0 ? "security" : null, live,
					Set.of());
			UUID ticket = UUID.randomUUID();
			long start = System.nanoTime();
			var chosen = index.choose(needs, onShift::get);
			chosen.ifPresent(agent -> index.hold(ticket, agent, live));
			nanos[i] = System.nanoTime() - start;
			if (chosen.isPresent()) {
				found++;
				// Release it again so capacity does not run out over the run.
				index.hold(ticket, null, live);
			}
		}
		// The first quarter warms the JIT up and is not counted.
		long[] measured = Arrays.copyOfRange(nanos, rounds / 4, rounds);
		Arrays.sort(measured);
		System.out.printf("routing decisions: %d measured, %d found an agent%n", measured.length, found);
		System.out.printf("p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", measured[measured.length / 2] / 1e6,
				measured[(int) (measured.length * 0.99)] / 1e6, measured[measured.length - 1] / 1e6);
	}

}
