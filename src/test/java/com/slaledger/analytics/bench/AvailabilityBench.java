package com.slaledger.analytics.bench;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.ImpactModel;
import com.slaledger.analytics.IncidentImpact;
import com.slaledger.analytics.TimeWindow;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A microbenchmark of {@link Availability#measure} shaped like the all-clients month report of
 * {@code bench/reports.sh}: 1,000 clients, each with about 1,350 incidents in the month (5 to 125 minutes
 * long, 1-100 % impact, by start), the three impact models in turn, a 60-second minimum outage for every
 * fourth client and an hour of maintenance a week. Not a test: run it by hand and read the medians.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile
 * java -cp target/classes:target/test-classes com.slaledger.analytics.bench.AvailabilityBench [rounds] [clients]
 * </pre>
 */
public final class AvailabilityBench {

    private static final TimeWindow MONTH = TimeWindow.month(YearMonth.of(2026, 10), ZoneOffset.UTC);
    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    private static final int INCIDENTS_PER_CLIENT = 1_350;

    private record Client(List<IncidentImpact> incidents, List<TimeWindow> maintenance, ImpactModel model,
                          long minimumOutageSeconds) {
    }

    private AvailabilityBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clientCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<Client> clients = new ArrayList<>();
        Random random = new Random(20_261_130L);
        for (int c = 0; c < clientCount; c++) {
            clients.add(client(c, random));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanosPerClient = new long[rounds];
        long[] cpuNanosPerClient = new long[rounds];
        BigDecimal checksum = BigDecimal.ZERO;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            BigDecimal downtime = BigDecimal.ZERO;
            for (Client client : clients) {
                Availability availability = Availability.measure(MONTH, AS_OF, client.maintenance(), client.incidents(),
                        client.model(), client.minimumOutageSeconds());
                downtime = downtime.add(availability.downtimeSeconds());
            }
            nanosPerClient[round] = (System.nanoTime() - started) / clientCount;
            cpuNanosPerClient[round] = (threads.getCurrentThreadCpuTime() - cpuStarted) / clientCount;
            checksum = downtime;
            System.out.printf("round %2d: %,d ns per client (%,d ns of this thread's CPU)%n", round + 1,
                    nanosPerClient[round], cpuNanosPerClient[round]);
        }
        // The first half of the rounds warms the JIT up; the figures are from the second half.
        System.out.printf("last %d rounds: median %,d ns per client (min %,d), thread CPU median %,d ns (min %,d);"
                        + " total downtime %s s%n", rounds - rounds / 2, median(nanosPerClient), min(nanosPerClient),
                median(cpuNanosPerClient), min(cpuNanosPerClient), checksum.toPlainString());
    }

    private static long[] secondHalf(long[] values) {
        long[] half = Arrays.copyOfRange(values, values.length / 2, values.length);
        Arrays.sort(half);
        return half;
    }

    private static long median(long[] values) {
        long[] half = secondHalf(values);
        return half[half.length / 2];
    }

    private static long min(long[] values) {
        return secondHalf(values)[0];
    }

    private static Client client(int index, Random random) {
        long monthStart = MONTH.start().getEpochSecond();
        long monthSeconds = MONTH.end().getEpochSecond() - monthStart;
        List<IncidentImpact> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS_PER_CLIENT; i++) {
            Instant start = Instant.ofEpochSecond(monthStart - 7_200 + (long) (random.nextDouble() * (monthSeconds + 7_200)));
            Instant end = start.plusSeconds(60L * (5 + random.nextInt(121)));
            incidents.add(new IncidentImpact("b-" + index + "-" + i, start, end,
                    BigDecimal.valueOf(1 + random.nextInt(100)), random.nextInt(50) == 0));
        }
        incidents.sort(Comparator.comparing(IncidentImpact::startedAt));
        List<TimeWindow> maintenance = new ArrayList<>();
        for (int week = 0; week < 5; week++) {
            Instant start = MONTH.start().plusSeconds(week * 7L * 86_400 + random.nextInt(86_400));
            maintenance.add(TimeWindow.of(start, start.plusSeconds(3_600)));
        }
        ImpactModel model = List.of(ImpactModel.PROPORTIONAL, ImpactModel.FULL,
                ImpactModel.threshold(new BigDecimal("50"))).get(index % 3);
        return new Client(incidents, maintenance, model, index % 4 == 0 ? 60 : 0);
    }
}
