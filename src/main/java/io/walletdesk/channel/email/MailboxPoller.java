package io.walletdesk.channel.email;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls every enabled e-mail inbox on a schedule, each on its own thread and under its
 * own lock, so a slow or failing mailbox never delays another. Unseen mail is fetched
 * without marking it seen ({@code peek}); it is flagged seen only once it was stored or
 * quarantined, so a crash in between means it is fetched again and deduplicated.
 */
@Component
class MailboxPoller implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private static final int PREFETCH_MAX_BYTES = 1024 * 1024;

	private final InboxManagement inboxes;

	private final EmailIngest ingest;

	private final EmailSettings settings;

	private final Environment environment;

	private final Clock clock;

	private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

	private final Map<UUID, PollStatus> status = new ConcurrentHashMap<>();

	private final Map<UUID, Instant> running = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();

	private final ExecutorService pollers = Executors.newCachedThreadPool(runnable -> {
		java.lang.Thread thread = new java.lang.Thread(runnable, "email-poller-" + this.threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	MailboxPoller(InboxManagement inboxes, EmailIngest ingest, EmailSettings settings, Environment environment,
			Clock clock) {
		this.inboxes = inboxes;
		this.ingest = ingest;
		this.settings = settings;
		this.environment = environment;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.channel.email.poll-interval:60s}",
			initialDelayString = "${walletdesk.channel.email.poll-interval:60s}")
	void pollAll() {
		for (InboxView inbox : this.inboxes.enabled(EmailAdapter.KIND)) {
			ReentrantLock lock = lock(inbox.id());
			// An inbox whose previous poll still runs is left alone this round.
			if (!lock.isLocked()) {
				this.pollers.execute(() -> {
					if (lock.tryLock()) {
						try {
							pollLocked(inbox);
						}
						finally {
							lock.unlock();
						}
					}
				});
			}
		}
	}

	/**
	 * Polls one inbox now, waiting for a poll already running on it.
	 * @return how many mails ended how
	 */
	Map<EmailIngest.Outcome, Integer> poll(UUID inboxId) {
		InboxView inbox = this.inboxes.find(inboxId).orElseThrow();
		ReentrantLock lock = lock(inboxId);
		lock.lock();
		try {
			return pollLocked(inbox);
		}
		finally {
			lock.unlock();
		}
	}

	Map<UUID, PollStatus> status() {
		return Map.copyOf(this.status);
	}

	/**
	 * Since when each inbox's current poll runs. A poll that runs far longer than the
	 * poll interval hangs on its server; it holds only its own thread, and the health
	 * page shows it.
	 */
	Map<UUID, Instant> running() {
		return Map.copyOf(this.running);
	}

	private ReentrantLock lock(UUID inboxId) {
		return this.locks.computeIfAbsent(inboxId, id -> new ReentrantLock());
	}

	private Map<EmailIngest.Outcome, Integer> pollLocked(InboxView inbox) {
		Map<EmailIngest.Outcome, Integer> outcomes = new EnumMap<>(EmailIngest.Outcome.class);
		this.running.put(inbox.id(), this.clock.instant());
		try {
			Mailbox mailbox = Mailbox.of(inbox.settings());
			Session session = mailbox.session(this.settings);
			try (Store store = session.getStore(mailbox.imapProtocol())) {
				store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password(this.environment));
				Folder folder = store.getFolder(mailbox.folder());
				folder.open(Folder.READ_WRITE);
				try {
					Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
					int batch = Math.max(1, this.settings.batchSize());
					for (int from = 0; from < unseen.length; from += batch) {
						Message[] messages = Arrays.copyOfRange(unseen, from, Math.min(unseen.length, from + batch));
						folder.fetch(messages, profile());
						// Small mails' bodies come in one round trip for the whole batch,
						// not one
						// each; round trips, not bytes, dominate the time of a poll.
						Message[] small = Arrays.stream(messages)
							.filter(message -> sizeOf(message) <= PREFETCH_MAX_BYTES)
							.toArray(Message[]::new);
						FetchProfile bodies = new FetchProfile();
						bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
						folder.fetch(small, bodies);
						for (Message message : messages) {
							EmailIngest.Outcome outcome = pollOne(inbox, mailbox, session, message);
							outcomes.merge(outcome, 1, Integer::sum);
						}
						folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
					}
				}
				finally {
					folder.close(false);
				}
			}
			this.status.put(inbox.id(), new PollStatus(this.clock.instant(), null));
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Could not poll e-mail inbox {} ({}): {}", inbox.name(), inbox.id(), ex.toString());
			this.status.put(inbox.id(), new PollStatus(this.clock.instant(), ex.toString()));
		}
		finally {
			this.running.remove(inbox.id());
		}
		return outcomes;
	}

	private EmailIngest.Outcome pollOne(InboxView inbox, Mailbox mailbox, Session session, Message message)
			throws MessagingException {
		long max = mailbox.maxBytes(this.settings);
		int size = message.getSize();
		if (size > max) {
			// Not downloaded: the envelope tells admins enough to find it in the mailbox.
			String messageId = message instanceof MimeMessage mime ? safely(mime::getMessageID) : null;
			String sender = safely(() -> message.getFrom() != null && message.getFrom().length > 0
					&& message.getFrom()[0] instanceof InternetAddress address ? address.getAddress() : null);
			return this.ingest.tooLarge(inbox, size, max, messageId, sender, safely(message::getSubject));
		}
		byte[] raw;
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
			message.writeTo(out);
			raw = out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new MessagingException("could not download mail", ex);
		}
		if (raw.length > max) {
			return this.ingest.tooLarge(inbox, raw.length, max, null, null, null);
		}
		return this.ingest.ingest(inbox, mailbox, session, raw);
	}

	private static int sizeOf(Message message) {
		try {
			return message.getSize();
		}
		catch (MessagingException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private static FetchProfile profile() {
		FetchProfile profile = new FetchProfile();
		profile.add(FetchProfile.Item.ENVELOPE);
		profile.add(FetchProfile.Item.FLAGS);
		profile.add(FetchProfile.Item.SIZE);
		profile.add(UIDFolder.FetchProfileItem.UID);
		return profile;
	}

	private static String safely(HeaderValue value) {
		try {
			return value.get();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void destroy() {
		this.pollers.shutdownNow();
	}

	private interface HeaderValue {

		String get() throws MessagingException;

	}

	/** The last poll of an inbox, and its error if it failed. */
	record PollStatus(Instant at, String error) {
	}

}
