package io.walletdesk.customer;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Customers extends JpaRepository<Customer, UUID> {

	@Query("select i.customer from CustomerIdentity i where i.kind = :kind and i.value = :value")
	Optional<Customer> findByIdentity(IdentityKind kind, String value);

}
