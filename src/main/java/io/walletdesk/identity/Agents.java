package io.walletdesk.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Agents extends JpaRepository<Agent, UUID> {

	Optional<Agent> findByUsername(String username);

	boolean existsByUsername(String username);

	List<Agent> findAllByOrderByDisplayNameAsc();

	@Query(value = "select * from agent where :groupId = any(group_ids) order by display_name", nativeQuery = true)
	List<Agent> findByGroup(UUID groupId);

}
