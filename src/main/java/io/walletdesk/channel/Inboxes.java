package io.walletdesk.channel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Inboxes extends JpaRepository<Inbox, UUID> {

	Optional<Inbox> findByPublicKey(String publicKey);

	List<Inbox> findAllByOrderByKindAscNameAsc();

	List<Inbox> findByKindAndEnabledTrue(String kind);

}
