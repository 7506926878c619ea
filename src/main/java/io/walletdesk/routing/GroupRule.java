package io.walletdesk.routing;

import java.util.Map;
import java.util.UUID;

import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.ticket.Category;

/**
 * How a group's conversations are routed.
 *
 * @param autoAssign whether waiting conversations are given to agents automatically
 * @param offerTimeoutSeconds how long an agent has to accept a live chat before it moves
 * on
 * @param languageMustMatch whether only agents who speak the customer's language qualify
 * @param assignTicketsDirectly whether tickets that are not live chats (email, phone,
 * API) are assigned without an offer; otherwise they wait in the queue for agents to take
 * @param capacity the group's default capacity per agent
 * @param skills the skill an agent needs for tickets of a category
 */
public record GroupRule(UUID groupId, boolean autoAssign, int offerTimeoutSeconds, boolean languageMustMatch,
		boolean assignTicketsDirectly, Capacity capacity, Map<Category, String> skills) {

	public GroupRule {
		if (offerTimeoutSeconds < 5 || offerTimeoutSeconds > 600) {
			throw new InvalidInputException("offerTimeoutSeconds", "must be between 5 and 600");
		}
		skills = skills == null ? Map.of() : Map.copyOf(skills);
		skills.values().forEach(skill -> {
			if (skill == null || !skill.matches("[a-z0-9_-]{1,64}")) {
				throw new InvalidInputException("skills", "skills are lower-case words of up to 64 characters");
			}
		});
	}

	/** What a group without a rule of its own gets: no automatic assignment. */
	public static GroupRule defaults(UUID groupId) {
		return new GroupRule(groupId, false, 30, true, true, new Capacity(3, 20), Map.of());
	}

	/** The skill tickets of the category need, or null. */
	public String skillFor(Category category) {
		return category == null ? null : this.skills.get(category);
	}

}
