package io.walletdesk.triage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled corpus shipped in the application: {@code triage/corpus/train.jsonl},
 * which training reads, and {@code triage/corpus/heldout.jsonl}, which only evaluation
 * reads. The split is made by {@code bench/triage/split-corpus.py} from a hash of each
 * example's id.
 */
public final class Corpus {

	public static final String TRAIN = "triage/corpus/train.jsonl";

	public static final String HELD_OUT = "triage/corpus/heldout.jsonl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Corpus() {
	}

	public static List<LabelledExample> train() {
		return load(TRAIN);
	}

	public static List<LabelledExample> heldOut() {
		return load(HELD_OUT);
	}

	/**
	 * @param resource a JSON Lines resource on the class path
	 * @return its examples in file order
	 * @throws IllegalStateException when the resource is missing or a line is not an
	 * example
	 */
	public static List<LabelledExample> load(String resource) {
		InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Triage corpus " + resource + " is missing from the class path");
		}
		List<LabelledExample> examples = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = JSON.readTree(line);
				if (!node.hasNonNull("id") || !node.hasNonNull("text") || !node.hasNonNull("category")
						|| !node.hasNonNull("priority") || !node.hasNonNull("sentiment")) {
					throw new IllegalStateException(resource + " line " + number + " lacks a field");
				}
				examples.add(new LabelledExample(node.get("id").asString(), node.get("text").asString(),
						node.path("lang").asString("und"), node.get("category").asString(),
						node.get("priority").asString(), node.get("sentiment").asString()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(examples);
	}

}
