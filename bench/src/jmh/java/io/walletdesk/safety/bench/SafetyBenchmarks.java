package io.walletdesk.safety.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.walletdesk.safety.LinkChecker;
import io.walletdesk.safety.ScanResult;
import io.walletdesk.safety.SecretScanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Scan throughput (MB/s of UTF-8 input) and p99 latency of {@link SecretScanner#scan(String)} on
 * a realistic 2 KB mixed Chinese and English support message, with and without a secret, on one
 * thread. Run with {@code ./mvnw -Pbench -DskipTests test-compile exec:exec}.
 */
@State(Scope.Benchmark)
public class SafetyBenchmarks {

	static final String PLAIN = message(false);

	static final String WITH_SECRET = message(true);

	private final SecretScanner scanner = new SecretScanner(new LinkChecker(List.of("walletdesk.io", "brand.com")));

	@Benchmark
	public ScanResult scanWithoutSecret() {
		return this.scanner.scan(PLAIN);
	}

	@Benchmark
	public ScanResult scanWithSecret() {
		return this.scanner.scan(WITH_SECRET);
	}

	public static void main(String[] args) throws RunnerException {
		int plainBytes = PLAIN.getBytes(StandardCharsets.UTF_8).length;
		int secretBytes = WITH_SECRET.getBytes(StandardCharsets.UTF_8).length;
		Options options = new OptionsBuilder().include(SafetyBenchmarks.class.getSimpleName())
			.mode(Mode.Throughput)
			.mode(Mode.SampleTime)
			.timeUnit(TimeUnit.MICROSECONDS)
			.forks(1)
			.threads(1)
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(2))
			.build();
		StringBuilder summary = new StringBuilder("\nSafety scanner, one thread\n");
		for (RunResult result : new Runner(options).run()) {
			String benchmark = result.getParams().getBenchmark();
			int bytes = benchmark.endsWith("scanWithSecret") ? secretBytes : plainBytes;
			String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			if (result.getParams().getMode() == Mode.Throughput) {
				double opsPerSecond = result.getPrimaryResult().getScore() * 1_000_000;
				summary.append(String.format(Locale.ROOT, "%-18s %5d bytes  %10.0f scans/s  %7.1f MB/s%n", name, bytes,
						opsPerSecond, opsPerSecond * bytes / 1_000_000));
			}
			else {
				summary.append(String.format(Locale.ROOT, "%-18s %5d bytes  p50 %7.1f us  p99 %7.1f us  p99.9 %7.1f us%n",
						name, bytes, result.getPrimaryResult().getStatistics().getPercentile(50),
						result.getPrimaryResult().getStatistics().getPercentile(99),
						result.getPrimaryResult().getStatistics().getPercentile(99.9)));
			}
		}
		System.out.println(summary);
	}

	/**
	 * About 2 KB of UTF-8: a customer's Chinese description, an English follow-up with an address,
	 * a transaction hash, an explorer link and an order number, and optionally a recovery phrase.
	 */
	static String message(boolean secret) {
		StringBuilder text = new StringBuilder();
		text.append("您好，我昨天晚上在交易所提币到自己的钱包，交易所显示已经完成，但是钱包里一直没有到账，请问是什么原因？")
			.append("我用的是波场网络，金额是五百个。我的钱包余额突然变成零了，我没有做过任何转账操作，也没有点过什么奇怪的链接，")
			.append("请帮我查一下到底是怎么回事。有人在电报群里自称是你们的客服，说可以帮我找回丢失的资产，但是要我先支付一笔手续费，")
			.append("这个是真的吗？他给我发了一个链接 walletdesk-support.com 让我登录。\n\n")
			.append("Hello, following up in English because my colleague is helping me. The withdrawal was sent from the exchange ")
			.append("at 21:40 and the transaction hash is 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060, ")
			.append("you can see it on https://etherscan.io/tx/0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 ")
			.append("and my receiving address is 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23. The order number on the exchange is ")
			.append("2024061512345678. I also checked the help page at https://walletdesk.io/help/deposits but it did not explain ")
			.append("why the balance shows zero. Please tell me what I should do next, I am worried that someone has access ")
			.append("to my wallet. I did not share anything with anybody as far as I know.\n");
		if (secret) {
			text.append("This is my backup, maybe it helps: legal winner thank year wave sausage worth useful legal winner ")
				.append("thank yellow\n");
		}
		else {
			text.append("I still have the paper backup at home in a safe place and nobody else has seen it, so that part is fine.\n");
		}
		text.append("另外我想问一下，为什么转账手续费这么高，上个月转一次才几块钱，现在要二十多块，是网络拥堵的原因吗？")
			.append("我之前换了新手机，重新下载了你们的应用，请问还需要做什么设置。谢谢你们的帮助，希望尽快回复，我真的很着急。\n")
			.append("Sent from my phone. Ticket reference WD-88123, previous case WD-87001 (closed without a fix). "
					+ "If you need anything else, such as screenshots of the exchange history or the app version, "
					+ "just tell me and I will send it today. My friend also says I should check the token approvals.");
		return text.toString();
	}

}
