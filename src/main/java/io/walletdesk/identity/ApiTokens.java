package io.walletdesk.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findAllByOrderByCreatedAtDesc();

	List<ApiToken> findByAgentIdOrderByCreatedAtDesc(UUID agentId);

	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
	void touch(UUID id, Instant now);

}
