package io.walletdesk.ticket;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Messages extends JpaRepository<Message, UUID> {

	@Query("select distinct m from Message m left join fetch m.attachments where m.ticketId = :ticketId order by m.receivedAt, m.createdAt")
	List<Message> findByTicket(UUID ticketId);

	@Query("select m from Message m where m.channel = :channel and m.externalId = :externalId")
	Optional<Message> findByExternalId(Channel channel, String externalId);

	@Query("select m.body from Message m where m.id = :id and m.authorKind = :kind")
	Optional<String> findBody(UUID id, AuthorKind kind);

}
