package io.walletdesk.triage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.walletdesk.safety.LinkChecker;
import io.walletdesk.safety.SecretScanner;
import io.walletdesk.triage.Entities;
import io.walletdesk.triage.internal.Corpus;
import io.walletdesk.triage.internal.EntityExtractor;
import io.walletdesk.triage.internal.LabelledExample;
import io.walletdesk.triage.internal.LanguageDetector;
import io.walletdesk.triage.internal.TriageModel;
import io.walletdesk.triage.internal.TriageModelBuild;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Triage of one message on one thread, as the message listener does it: secret redaction,
 * the three classifiers with the priority rules, entity extraction and language detection.
 * The messages are the corpus's held-out split (short chats to long e-mails, Chinese,
 * English and mixed), taken in turn. Pin the JVM to one core with taskset:
 * {@code taskset -c 1 ./mvnw -Pbench -DskipTests -Dbench.main=io.walletdesk.triage.bench.TriageBenchmarks test-compile exec:exec}.
 */
@State(Scope.Thread)
public class TriageBenchmarks {

	static final List<String> MESSAGES = Corpus.heldOut().stream().map(LabelledExample::text).toList();

	private final SecretScanner scanner = new SecretScanner(new LinkChecker(List.of("walletdesk.io")));

	private final TriageModel model = shippedModel();

	private final EntityExtractor entities = new EntityExtractor();

	private int next;

	@Benchmark
	public void triageOneMessage(Blackhole sink) {
		String text = MESSAGES.get(this.next);
		this.next = (this.next + 1) % MESSAGES.size();
		String redacted = this.scanner.scan(text).redactedText();
		TriageModel.Labels labels = this.model.classify(redacted);
		Entities found = this.entities.extract(redacted);
		sink.consume(labels);
		sink.consume(found);
		sink.consume(LanguageDetector.detect(redacted));
	}

	static TriageModel shippedModel() {
		try (InputStream in = TriageBenchmarks.class.getClassLoader().getResourceAsStream(TriageModelBuild.RESOURCE)) {
			return TriageModel.fromBytes(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void main(String[] args) throws RunnerException {
		Options options = new OptionsBuilder().include(TriageBenchmarks.class.getSimpleName())
			.mode(Mode.Throughput)
			.mode(Mode.SampleTime)
			.timeUnit(TimeUnit.MICROSECONDS)
			.forks(1)
			.threads(1)
			.jvmArgsAppend("-XX:ActiveProcessorCount=1")
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(3))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(3))
			.build();
		StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
				"%nTriage of one message (held-out split, %d messages in turn), one thread%n", MESSAGES.size()));
		for (RunResult result : new Runner(options).run()) {
			if (result.getParams().getMode() == Mode.Throughput) {
				summary.append(String.format(Locale.ROOT, "throughput   %10.0f messages/s%n",
						result.getPrimaryResult().getScore() * 1_000_000));
			}
			else {
				var statistics = result.getPrimaryResult().getStatistics();
				summary.append(String.format(Locale.ROOT, "latency      p50 %7.1f us  p99 %7.1f us  p99.9 %7.1f us  max %7.1f us%n",
						statistics.getPercentile(50), statistics.getPercentile(99), statistics.getPercentile(99.9),
						statistics.getMax()));
			}
		}
		System.out.println(summary);
	}

}
