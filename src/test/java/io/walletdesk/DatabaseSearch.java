package io.walletdesk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches every text, JSON and binary column of every table for a string: the proof that
 * something (a pasted secret) never reached storage.
 */
public final class DatabaseSearch {

	private DatabaseSearch() {
	}

	/**
	 * @return the {@code table.column} places that contain the needle, empty when none
	 * does
	 */
	public static List<String> placesContaining(JdbcClient jdbc, String needle) {
		List<String> places = new ArrayList<>();
		List<String[]> columns = jdbc.sql("""
				select table_name, column_name, data_type from information_schema.columns
				where table_schema = current_schema()
				  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		for (String[] column : columns) {
			String expression = switch (column[2]) {
				case "bytea" -> "position(? in \"" + column[1] + "\") > 0";
				default -> "\"" + column[1] + "\"::text like ?";
			};
			Object parameter = "bytea".equals(column[2]) ? needle.getBytes(StandardCharsets.UTF_8)
					: "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			long hits = jdbc.sql("select count(*) from \"" + column[0] + "\" where " + expression)
				.param(parameter)
				.query(Long.class)
				.single();
			if (hits > 0) {
				places.add(column[0] + "." + column[1]);
			}
		}
		return places;
	}

}
