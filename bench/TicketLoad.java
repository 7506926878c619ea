import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for ticket intake: POST /api/v1/tickets at several concurrency levels against a
 * running server, printing tickets/s and p50/p99 latency per level.
 *
 * <pre>
 * java bench/TicketLoad.java [baseUrl] [token] [secondsPerLevel] [levels...]
 * </pre>
 *
 * Each worker sends one request at a time (closed loop), so the concurrency is the number of
 * requests in flight. A warm-up run precedes the measured levels; non-201 answers are counted as
 * errors and reported.
 */
public class TicketLoad {

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		String token = args.length > 1 ? args[1] : System.getenv().getOrDefault("WALLETDESK_ADMIN_TOKEN", "");
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
		int[] levels = args.length > 3 ? Arrays.stream(args).skip(3).mapToInt(Integer::parseInt).toArray()
				: new int[] { 1, 4, 16 };
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		System.out.printf("Ticket intake load against %s, %d s per level%n", base, seconds);
		run(client, base, token, 8, Math.max(5, seconds / 2), "warm-up");
		System.out.printf("%-12s %10s %10s %10s %10s %8s%n", "concurrency", "tickets", "tickets/s", "p50 ms", "p99 ms",
				"errors");
		for (int level : levels) {
			Result result = run(client, base, token, level, seconds, null);
			System.out.printf("%-12d %10d %10.0f %10.2f %10.2f %8d%n", level, result.count, result.perSecond,
					result.p50, result.p99, result.errors);
		}
	}

	record Result(long count, double perSecond, double p50, double p99, long errors) {
	}

	static Result run(HttpClient client, String base, String token, int concurrency, int seconds, String label)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		AtomicLong errors = new AtomicLong();
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		long started = System.nanoTime();
		List<Future<long[]>> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			int worker = w;
			workers.add(pool.submit(() -> {
				long[] latencies = new long[1 << 16];
				int n = 0;
				long i = 0;
				while (System.nanoTime() < deadline) {
					String body = """
							{"requester":{"name":"Load %d","email":"load-%d-%d-%d@bench.test"},\
							"subject":"USDT transfer pending %d","body":"我的USDT转账一直pending，交易已经过去两个小时了。My transfer is stuck, please help.",\
							"channel":"api","tags":["bench"]}""".formatted(worker, worker, started, i, i);
					i++;
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					long t0 = System.nanoTime();
					try {
						HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 201) {
							errors.incrementAndGet();
							continue;
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						continue;
					}
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = System.nanoTime() - t0;
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		long[] all = new long[0];
		for (Future<long[]> worker : workers) {
			long[] part = worker.get();
			long[] merged = Arrays.copyOf(all, all.length + part.length);
			System.arraycopy(part, 0, merged, all.length, part.length);
			all = merged;
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		Arrays.sort(all);
		Result result = new Result(all.length, all.length / elapsed, percentile(all, 0.50), percentile(all, 0.99),
				errors.get());
		if (label != null) {
			System.out.printf("%s: %d tickets, %.0f/s, %d errors%n", label, result.count, result.perSecond,
					result.errors);
		}
		return result;
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}
