import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts N Alertmanager deliveries (one alert each, each a new incident) from S concurrent senders and
 * prints deliveries per second and the latency percentiles. Run with the JDK's source launcher:
 *   java bench/IngestWebhooksBench.java <base-url> <secret> <service> [deliveries] [senders] [run-id]
 */
public class IngestWebhooksBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String secret = args[1];
        String service = args[2];
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int senders = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        String run = args.length > 5 ? args[5] : Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(senders)).build();
        Instant firstStart = Instant.parse("2023-01-01T00:00:00Z");
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < senders; s++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Instant startsAt = firstStart.plusSeconds(600L * i);
                    boolean resolved = i % 2 == 1;
                    String body = "{\"version\":\"4\",\"status\":\"" + (resolved ? "resolved" : "firing")
                            + "\",\"receiver\":\"sla-ledger\",\"groupKey\":\"{}:{alertname=\\\"HighErrorRate\\\"}\","
                            + "\"commonLabels\":{\"alertname\":\"HighErrorRate\"},\"alerts\":[{\"status\":\""
                            + (resolved ? "resolved" : "firing") + "\",\"labels\":{\"alertname\":\"HighErrorRate\","
                            + "\"service\":\"" + service + "\",\"severity\":\"" + (i % 3 == 0 ? "critical" : "warning")
                            + "\",\"instance\":\"host-" + i + "\"},\"annotations\":{\"summary\":\"Error rate above 5% on host-"
                            + i + "\"},\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                            + (resolved ? startsAt.plusSeconds(420) : "0001-01-01T00:00:00Z")
                            + "\",\"fingerprint\":\"" + run + "-" + i + "\"}]}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/ingest/alertmanager"))
                            .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        java.util.Arrays.sort(latencies);
        System.out.printf("%d deliveries from %d senders in %.2f s: %.0f deliveries/s; statuses %s%n", count, senders,
                seconds, count / seconds, new TreeMap<>(statuses));
        System.out.printf("latency ms: median %.1f, p95 %.1f, p99 %.1f, max %.1f%n", latencies[count / 2] / 1e6,
                latencies[(int) (count * 0.95)] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
                latencies[count - 1] / 1e6);
        System.exit(0);
    }
}
