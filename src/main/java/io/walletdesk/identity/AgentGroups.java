package io.walletdesk.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentGroups extends JpaRepository<AgentGroup, UUID> {

	List<AgentGroup> findAllByOrderByNameAsc();

	Optional<AgentGroup> findByNameIgnoreCase(String name);

}
