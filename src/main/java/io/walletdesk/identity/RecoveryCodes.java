package io.walletdesk.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecoveryCodes extends JpaRepository<RecoveryCode, UUID> {

	List<RecoveryCode> findByAgentId(UUID agentId);

	void deleteByAgentId(UUID agentId);

}
