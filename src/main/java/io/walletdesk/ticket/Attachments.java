package io.walletdesk.ticket;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Attachments extends JpaRepository<Attachment, UUID> {

	@Query(value = """
			select a.file_name as fileName, a.content_type as contentType, a.content as content
			from ticket_attachment a join ticket_message m on m.id = a.message_id
			where a.id = :attachmentId and m.ticket_id = :ticketId""", nativeQuery = true)
	Optional<Row> findContent(UUID ticketId, UUID attachmentId);

	interface Row {

		String getFileName();

		String getContentType();

		byte[] getContent();

	}

}
