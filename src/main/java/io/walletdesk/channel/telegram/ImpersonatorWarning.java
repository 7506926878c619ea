package io.walletdesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.convert.DurationStyle;

/**
 * Decides when the official group is reminded that admins never write first: at most once
 * per interval per inbox. The last time is kept in memory, so after a restart (or on each
 * of several instances) the first occasion warns again, which errs on the safe side.
 */
class ImpersonatorWarning {

	static final String DEFAULT_TEXT = """
			⚠️ 安全提醒：管理员和客服绝不会主动私信您，也绝不会索要助记词、私钥或要求您转账。任何主动私信您、自称管理员或客服的人都是骗子，请直接举报。
			⚠️ Security notice: admins and support staff will never DM you first, and will never ask for your \
			recovery phrase, your private key or a transfer. Anyone who messages you privately claiming to be an \
			admin or support is an impersonator: please report them.""";

	static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

	private final Map<UUID, Instant> lastPosted = new ConcurrentHashMap<>();

	private final Clock clock;

	ImpersonatorWarning(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Claims the right to post the warning now.
	 * @return the text to post, or null when the warning was posted within the interval
	 */
	String due(UUID inboxId, Map<String, String> settings) {
		Instant now = this.clock.instant();
		Duration interval = interval(settings.get("impersonatorWarningInterval"));
		boolean[] due = { false };
		this.lastPosted.compute(inboxId, (id, last) -> {
			if (last == null || !now.isBefore(last.plus(interval))) {
				due[0] = true;
				return now;
			}
			return last;
		});
		if (!due[0]) {
			return null;
		}
		String text = settings.get("impersonatorWarning");
		return text == null || text.isBlank() ? DEFAULT_TEXT : text;
	}

	/**
	 * Gives the claim back when the warning could not be posted, so the next join
	 * retries.
	 */
	void failed(UUID inboxId) {
		this.lastPosted.remove(inboxId);
	}

	private static Duration interval(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_INTERVAL;
		}
		try {
			return DurationStyle.detectAndParse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return DEFAULT_INTERVAL;
		}
	}

}
