package io.walletdesk.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage's tables: results per message, agents' corrections, and trained models.
 */
@Repository
class TriageStore {

	private static final String SUMMARY = """
			select version, created_at, trigger, training_examples, evaluation_examples, category_macro_f1,
			  category_macro_f1_zh, category_macro_f1_en, urgent_recall, urgent_precision, accepted, live, report
			from triage_model""";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	TriageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return true when stored, false when the message was triaged before (a replayed
	 * event)
	 */
	boolean saveResult(UUID ticketId, UUID messageId, TriageResult result, double urgentScore, Instant at) {
		return this.jdbc.sql("""
				insert into triage_result (message_id, ticket_id, language, category, category_confidence, priority,
				  priority_confidence, sentiment, sentiment_confidence, urgent_score, rule, entities, model_version,
				  created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
				on conflict (message_id) do nothing""")
			.params(messageId, ticketId, result.language(), result.category(), result.categoryConfidence(),
					result.priority(), result.priorityConfidence(), result.sentiment(), result.sentimentConfidence(),
					urgentScore, result.rule(), this.json.writeValueAsString(result.entities()), result.modelVersion(),
					Timestamp.from(at))
			.update() == 1;
	}

	Optional<StoredResult> latestResult(UUID ticketId) {
		return this.jdbc.sql("""
				select message_id, language, category, category_confidence, priority, priority_confidence, sentiment,
				  sentiment_confidence, rule, entities::text as entities, model_version, created_at
				from triage_result where ticket_id = ? order by created_at desc limit 1""")
			.param(ticketId)
			.query((rs, row) -> new StoredResult(rs.getObject("message_id", UUID.class),
					new TriageResult(rs.getString("language"), rs.getString("category"),
							rs.getDouble("category_confidence"), rs.getString("priority"),
							rs.getDouble("priority_confidence"), rs.getString("sentiment"),
							rs.getDouble("sentiment_confidence"), rs.getString("rule"),
							this.json.readValue(rs.getString("entities"), Entities.class),
							rs.getString("model_version")),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	void saveCorrection(UUID ticketId, UUID messageId, String text, String language, String category, String priority,
			String sentiment, String fields, UUID agentId, Instant at) {
		this.jdbc
			.sql("""
					insert into triage_correction (id, ticket_id, message_id, text, language, category, priority, sentiment,
					  corrected_fields, corrected_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (message_id) do update set category = excluded.category, priority = excluded.priority,
					  sentiment = excluded.sentiment, corrected_by = excluded.corrected_by, created_at = excluded.created_at,
					  corrected_fields = (select string_agg(distinct f, ',' order by f) from unnest(
					    string_to_array(triage_correction.corrected_fields || ',' || excluded.corrected_fields, ',')) f)""")
			.params(UUID.randomUUID(), ticketId, messageId, text, language, category, priority, sentiment, fields,
					agentId, Timestamp.from(at))
			.update();
	}

	List<StoredCorrection> corrections() {
		return this.jdbc.sql("""
				select message_id, text, language, category, priority, sentiment, created_at
				from triage_correction order by created_at, message_id""")
			.query((rs, row) -> new StoredCorrection(rs.getObject("message_id", UUID.class), rs.getString("text"),
					rs.getString("language"), rs.getString("category"), rs.getString("priority"),
					rs.getString("sentiment"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	long correctionCount() {
		return this.jdbc.sql("select count(*) from triage_correction").query(Long.class).single();
	}

	Optional<byte[]> liveModel() {
		return this.jdbc.sql("select model from triage_model where live").query(byte[].class).optional();
	}

	Optional<String> liveVersion() {
		return this.jdbc.sql("select version from triage_model where live").query(String.class).optional();
	}

	boolean hasModel(String version) {
		return this.jdbc.sql("select count(*) from triage_model where version = ?")
			.param(version)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Stores a model and, when accepted, makes it the live one (the partial unique index
	 * keeps a single live model even with several nodes).
	 */
	@Transactional
	void saveModel(ModelSummary summary, byte[] model) {
		this.jdbc.sql("""
				insert into triage_model (version, created_at, trigger, training_examples, evaluation_examples,
				  category_macro_f1, category_macro_f1_zh, category_macro_f1_en, urgent_recall, urgent_precision,
				  accepted, live, report, model)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)
				on conflict (version) do nothing""")
			.params(summary.version(), Timestamp.from(summary.createdAt()), summary.trigger(),
					summary.trainingExamples(), summary.evaluationExamples(), summary.categoryMacroF1(),
					summary.categoryMacroF1Zh(), summary.categoryMacroF1En(), summary.urgentRecall(),
					summary.urgentPrecision(), summary.accepted(), summary.report(), model)
			.update();
		if (summary.accepted()) {
			this.jdbc.sql("update triage_model set live = false where live and version <> ?")
				.param(summary.version())
				.update();
			this.jdbc.sql("update triage_model set live = true where version = ?").param(summary.version()).update();
		}
	}

	List<ModelSummary> models(int limit) {
		return this.jdbc.sql(SUMMARY + " order by created_at desc limit ?")
			.param(limit)
			.query(TriageStore::summary)
			.list();
	}

	Optional<ModelSummary> liveSummary() {
		return this.jdbc.sql(SUMMARY + " where live").query(TriageStore::summary).optional();
	}

	private static ModelSummary summary(ResultSet rs, int row) throws SQLException {
		return new ModelSummary(rs.getString("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("trigger"), rs.getInt("training_examples"), rs.getInt("evaluation_examples"),
				rs.getDouble("category_macro_f1"), (Double) rs.getObject("category_macro_f1_zh"),
				(Double) rs.getObject("category_macro_f1_en"), rs.getDouble("urgent_recall"),
				rs.getDouble("urgent_precision"), rs.getBoolean("accepted"), rs.getBoolean("live"),
				rs.getString("report"));
	}

	/** Keeps retraining to one node at a time; released with the transaction. */
	boolean tryRetrainLock() {
		return Boolean.TRUE
			.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(7302111)").query(Boolean.class).single());
	}

	record StoredResult(UUID messageId, TriageResult result, Instant at) {
	}

	record StoredCorrection(UUID messageId, String text, String language, String category, String priority,
			String sentiment, Instant at) {
	}

}
