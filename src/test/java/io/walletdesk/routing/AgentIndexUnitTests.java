package io.walletdesk.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.routing.internal.AgentIndex;
import io.walletdesk.routing.internal.AgentIndex.AgentFacts;
import io.walletdesk.routing.internal.AgentIndex.Needs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentIndexUnitTests {

	static final UUID GROUP = UUID.randomUUID();

	static final UUID A = new UUID(0, 1);

	static final UUID B = new UUID(0, 2);

	static final UUID C = new UUID(0, 3);

	AgentIndex index = new AgentIndex();

	static AgentFacts agent(UUID id, Set<String> languages, Set<String> skills, String presence, int maxLive,
			int maxOpen, Instant lastAssigned) {
		return new AgentFacts(id, "agent-" + id, languages, skills, Set.of(GROUP), presence, maxLive, maxOpen,
				lastAssigned);
	}

	static Needs chat(Set<String> languages, String skill) {
		return new Needs(GROUP, languages, skill, true, Set.of());
	}

	@Test
	void leastLoadedRelativeToCapacityGoesFirst() {
		this.index.rebuild(
				List.of(agent(A, Set.of("en"), Set.of(), "online", 2, 10, null),
						agent(B, Set.of("en"), Set.of(), "online", 4, 10, null)),
				Map.of(A, new int[] { 1, 0 }, B, new int[] { 1, 0 }));
		// A holds 1 of 2 chats (50 %), B 1 of 4 (25 %).
		assertThat(this.index.choose(chat(Set.of("en"), null), agent -> true)).contains(B);
	}

	@Test
	void equalLoadsTakeTurnsByLongestSinceLastAssignment() {
		Instant earlier = Instant.parse("2026-03-01T10:00:00Z");
		this.index.rebuild(List.of(agent(A, Set.of("en"), Set.of(), "online", 3, 10, earlier.plusSeconds(60)),
				agent(B, Set.of("en"), Set.of(), "online", 3, 10, earlier)), Map.of());
		assertThat(this.index.choose(chat(Set.of(), null), agent -> true)).contains(B);
		this.index.assignedAt(B, earlier.plusSeconds(120));
		assertThat(this.index.choose(chat(Set.of(), null), agent -> true)).contains(A);
	}

	@Test
	void onlyOnlineAgentsWhoSpeakTheLanguageAndHaveTheSkillQualify() {
		this.index.rebuild(List.of(agent(A, Set.of("en"), Set.of("security"), "online", 3, 10, null),
				agent(B, Set.of("zh-CN"), Set.of(), "online", 3, 10, null),
				agent(C, Set.of("zh"), Set.of("security"), "away", 3, 10, null)), Map.of());
		assertThat(this.index.choose(chat(Set.of("zh"), null), agent -> true)).contains(B);
		assertThat(this.index.choose(chat(Set.of("zh"), "security"), agent -> true)).isEmpty();
		assertThat(this.index.choose(chat(Set.of("en"), "security"), agent -> true)).contains(A);
		this.index.presence(C, "online");
		assertThat(this.index.choose(chat(Set.of("zh"), "security"), agent -> true)).contains(C);
	}

	@Test
	void capacityIsCountedPerChannelKind() {
		this.index.rebuild(List.of(agent(A, Set.of("en"), Set.of(), "online", 1, 1, null)), Map.of());
		UUID chat = UUID.randomUUID();
		this.index.hold(chat, A, true);
		assertThat(this.index.choose(chat(Set.of(), null), agent -> true)).isEmpty();
		assertThat(this.index.choose(new Needs(GROUP, Set.of(), null, false, Set.of()), agent -> true)).contains(A);
		this.index.hold(chat, null, true);
		assertThat(this.index.choose(chat(Set.of(), null), agent -> true)).contains(A);
	}

	@Test
	void excludedAndOffShiftAgentsAreSkipped() {
		this.index.rebuild(List.of(agent(A, Set.of("en"), Set.of(), "online", 3, 10, null),
				agent(B, Set.of("en"), Set.of(), "online", 3, 10, null)), Map.of(A, new int[] { 0, 0 }));
		assertThat(this.index.choose(new Needs(GROUP, Set.of(), null, true, Set.of(A)), agent -> true)).contains(B);
		assertThat(this.index.choose(chat(Set.of(), null), agent -> agent.equals(A))).contains(A);
		assertThat(this.index.choose(chat(Set.of(), null), agent -> false)).isEmpty();
	}

	@Test
	void mixedLanguageCustomersAreServedInChineseOrEnglish() {
		assertThat(Router.languages("mixed")).containsExactlyInAnyOrder("zh", "en");
		assertThat(Router.languages(null)).isEmpty();
		assertThat(AgentIndex.primary("zh-CN")).isEqualTo("zh");
	}

}
