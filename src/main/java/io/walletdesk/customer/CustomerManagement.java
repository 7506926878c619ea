package io.walletdesk.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.platform.Cursor;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.platform.Page;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and their channel identities: the customer module's public face.
 */
@Service
public class CustomerManagement {

	private final Customers customers;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CustomerManagement(Customers customers, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.customers = customers;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a customer.
	 * @throws InvalidInputException when an identity already belongs to someone, or
	 * nothing names the customer
	 */
	@Transactional
	public CustomerView create(NewCustomer command) {
		if ((command.displayName() == null || command.displayName().isBlank()) && command.identities().isEmpty()) {
			throw new InvalidInputException("displayName", "a name or at least one identity is required");
		}
		checkTimeZone(command.timeZone());
		Instant now = this.clock.instant();
		String name = command.displayName() != null && !command.displayName().isBlank() ? command.displayName().trim()
				: command.identities().get(0).value();
		Customer customer = new Customer(name, command.preferredLanguage(), command.timeZone(), now);
		for (int i = 0; i < command.identities().size(); i++) {
			NewCustomer.IdentityInput identity = command.identities().get(i);
			if (this.customers.findByIdentity(identity.kind(), identity.kind().normalize(identity.value()))
				.isPresent()) {
				throw new InvalidInputException("identities[" + i + "]", "already belongs to another customer");
			}
			customer.addIdentity(identity.kind(), identity.value(), now);
		}
		return this.customers.save(customer).toView();
	}

	/**
	 * Finds the customer known by this identity, or creates one, safely under concurrent
	 * intake of the same new person.
	 * @return the customer's id
	 */
	@Transactional
	public UUID identify(IdentityKind kind, String value, String displayName, String preferredLanguage) {
		String normalized = kind.normalize(value);
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		String name = displayName == null || displayName.isBlank() ? normalized : displayName.trim();
		// One round trip on the intake hot path: find the person, or create them and
		// their identity.
		Optional<UUID> found = this.jdbc.sql("""
				with existing as (
				    select customer_id from customer_identity where kind = ? and value = ?
				), new_customer as (
				    insert into customer (id, display_name, preferred_language, created_at, updated_at)
				    select ?, ?, ?, ?, ? where not exists (select 1 from existing)
				    returning id
				), new_identity as (
				    insert into customer_identity (id, customer_id, kind, value, created_at)
				    select ?, id, ?, ?, ? from new_customer
				    on conflict (kind, value) do nothing
				    returning customer_id
				)
				select customer_id from existing union all select customer_id from new_identity""")
			.params(kind.name(), normalized, id, name.length() > 200 ? name.substring(0, 200) : name, preferredLanguage,
					now, now, UUID.randomUUID(), kind.name(), normalized, now)
			.query(UUID.class)
			.optional();
		if (found.isPresent()) {
			return found.get();
		}
		// Someone else created this person a moment ago; use theirs and drop ours.
		this.jdbc.sql("delete from customer where id = ?").param(id).update();
		return findIdByIdentity(kind, normalized).orElseThrow();
	}

	/**
	 * Records an identity that a channel has verified for this customer (an app backend
	 * vouching for its user's e-mail or phone, a confirmed e-mail address). When another
	 * customer already holds it, the two are the same person: this customer is merged
	 * into that one, whose record and history stay in front.
	 * <p>
	 * Never call this with unverified input (an e-mail a chat visitor typed): anyone
	 * could then attach themselves to a stranger's history.
	 * @return the customer who holds the identity now
	 */
	@Transactional
	public UUID linkVerified(UUID customerId, IdentityKind kind, String value) {
		if (value == null || value.isBlank() || value.length() > 320) {
			throw new InvalidInputException("identity", "must be 1 to 320 characters");
		}
		String normalized = kind.normalize(value);
		Optional<UUID> owner = findIdByIdentity(kind, normalized);
		if (owner.isEmpty()) {
			load(customerId).addIdentity(kind, normalized, this.clock.instant());
			return customerId;
		}
		if (owner.get().equals(customerId)) {
			return customerId;
		}
		merge(owner.get(), customerId);
		return owner.get();
	}

	/**
	 * Remembers wallet addresses of a customer (EVM, Tron, Bitcoin, ...); known ones are
	 * ignored.
	 * @throws InvalidInputException for an address that is blank, too long or not
	 * alphanumeric
	 */
	@Transactional
	public void addWalletAddresses(UUID customerId, Collection<String> addresses) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (String address : addresses) {
			String trimmed = address == null ? "" : address.trim();
			if (trimmed.isEmpty() || trimmed.length() > 128 || !trimmed.matches("[A-Za-z0-9:]+")) {
				throw new InvalidInputException("walletAddresses", "must be wallet addresses");
			}
			this.jdbc.sql("""
					insert into customer_wallet_address (customer_id, address, added_at) values (?, ?, ?)
					on conflict do nothing""").params(customerId, trimmed, now).update();
		}
	}

	/**
	 * What intake needs to know about a customer in one query: the name agents see and
	 * the wallet addresses against which a pasted key is checked.
	 * @throws NotFoundException when there is no such customer
	 */
	@Transactional(readOnly = true)
	public Profile profile(UUID customerId) {
		return this.jdbc.sql("""
				select c.display_name, c.preferred_language,
				       coalesce(array_agg(w.address order by w.added_at) filter (where w.address is not null), '{}')
				from customer c left join customer_wallet_address w on w.customer_id = c.id
				where c.id = ? group by c.id, c.display_name, c.preferred_language""")
			.param(customerId)
			.query((rs, n) -> new Profile(rs.getString(1), rs.getString(2),
					List.of((String[]) rs.getArray(3).getArray())))
			.optional()
			.orElseThrow(() -> new NotFoundException("Customer", customerId));
	}

	/**
	 * A customer's name, preferred language (may be null) and known wallet addresses.
	 */
	public record Profile(String displayName, String preferredLanguage, List<String> walletAddresses) {
	}

	/**
	 * The wallet addresses known for a customer.
	 */
	@Transactional(readOnly = true)
	public List<String> walletAddresses(UUID customerId) {
		return this.jdbc.sql("select address from customer_wallet_address where customer_id = ? order by added_at")
			.param(customerId)
			.query(String.class)
			.list();
	}

	/**
	 * The customer known by this handle on a channel, if any.
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> findByIdentity(IdentityKind kind, String value) {
		return findIdByIdentity(kind, kind.normalize(value));
	}

	private Optional<UUID> findIdByIdentity(IdentityKind kind, String normalized) {
		return this.jdbc.sql("select customer_id from customer_identity where kind = ? and value = ?")
			.params(kind.name(), normalized)
			.query(UUID.class)
			.optional();
	}

	@Transactional
	public CustomerView update(UUID customerId, String displayName, String preferredLanguage, String timeZone,
			String tier, String notes, List<NewCustomer.IdentityInput> addIdentities) {
		Customer customer = load(customerId);
		checkTimeZone(timeZone);
		Instant now = this.clock.instant();
		customer.update(displayName, preferredLanguage, timeZone, tier, notes, now);
		List<NewCustomer.IdentityInput> additions = addIdentities == null ? List.of() : addIdentities;
		for (int i = 0; i < additions.size(); i++) {
			NewCustomer.IdentityInput identity = additions.get(i);
			Optional<Customer> owner = this.customers.findByIdentity(identity.kind(),
					identity.kind().normalize(identity.value()));
			if (owner.isPresent() && !owner.get().id().equals(customerId)) {
				throw new InvalidInputException("identities[" + i + "]", "already belongs to another customer");
			}
			customer.addIdentity(identity.kind(), identity.value(), now);
		}
		return customer.toView();
	}

	/**
	 * Merges {@code mergedId} into {@code survivorId}: identities and tickets move to the
	 * survivor, the merged record only forwards.
	 * @throws IllegalStateException when either was already merged, or both are the same
	 */
	@Transactional
	public CustomerView merge(UUID survivorId, UUID mergedId) {
		if (survivorId.equals(mergedId)) {
			throw new IllegalStateException("A customer cannot be merged into itself");
		}
		Customer survivor = load(survivorId);
		Customer merged = load(mergedId);
		merged.mergeInto(survivor, this.clock.instant());
		this.customers.flush();
		this.jdbc.sql("""
				insert into customer_wallet_address (customer_id, address, added_at)
				select ?, address, added_at from customer_wallet_address where customer_id = ?
				on conflict do nothing""").params(survivorId, mergedId).update();
		this.events.publishEvent(new CustomersMerged(mergedId, survivorId));
		return survivor.toView();
	}

	/**
	 * The name agents see for a customer, cheaply (no identities loaded).
	 * @throws NotFoundException when there is no such customer
	 */
	@Transactional(readOnly = true)
	public String displayName(UUID customerId) {
		return this.jdbc.sql("select display_name from customer where id = ?")
			.param(customerId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Customer", customerId));
	}

	@Transactional(readOnly = true)
	public Optional<CustomerView> find(UUID customerId) {
		return this.customers.findById(customerId).map(Customer::toView);
	}

	/** The customer as shown to agents, following a merge to the survivor. */
	@Transactional(readOnly = true)
	public CustomerView get(UUID customerId) {
		Customer customer = load(customerId);
		while (customer.isMerged()) {
			customer = load(customer.mergedInto());
		}
		return customer.toView();
	}

	@Transactional(readOnly = true)
	public Page<CustomerView> list(String query, String cursor, int limit) {
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
		StringBuilder sql = new StringBuilder("select c.id, c.created_at from customer c where c.merged_into is null");
		List<Object> params = new ArrayList<>();
		if (query != null && !query.isBlank()) {
			String like = "%" + query.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			sql.append(" and (lower(c.display_name) like ? or exists (select 1 from customer_identity i"
					+ " where i.customer_id = c.id and lower(i.value) like ?))");
			params.add(like);
			params.add(like);
		}
		if (after != null) {
			sql.append(" and (c.created_at, c.id) < (?, ?)");
			params.add(Timestamp.from(after.createdAt()));
			params.add(after.id());
		}
		sql.append(" order by c.created_at desc, c.id desc limit ?");
		params.add(limit + 1);
		List<Cursor> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Cursor(rs.getTimestamp(2).toInstant(), rs.getObject(1, UUID.class)))
			.list();
		boolean more = rows.size() > limit;
		List<Cursor> page = more ? rows.subList(0, limit) : rows;
		List<CustomerView> items = page.stream().map(row -> load(row.id()).toView()).toList();
		return new Page<>(items, more ? page.get(page.size() - 1).encode() : null);
	}

	private static void checkTimeZone(String timeZone) {
		if (timeZone == null) {
			return;
		}
		try {
			ZoneId.of(timeZone);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("timeZone", "is not a known time zone");
		}
	}

	private Customer load(UUID customerId) {
		return this.customers.findById(customerId).orElseThrow(() -> new NotFoundException("Customer", customerId));
	}

}
