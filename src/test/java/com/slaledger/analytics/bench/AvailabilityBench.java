package com.slaledger.analytics.bench;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.ImpactModel;
import com.slaledger.analytics.IncidentImpact;
import com.slaledger.analytics.TimeWindow;
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
        long[] nanosPerClient = new long[rounds];
        BigDecimal checksum = BigDecimal.ZERO;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            BigDecimal downtime = BigDecimal.ZERO;
            for (Client client : clients) {
                Availability availability = Availability.measure(MONTH, AS_OF, client.maintenance(), client.incidents(),
                        client.model(), client.minimumOutageSeconds());
                downtime = downtime.add(availability.downtimeSeconds());
            }
            nanosPerClient[round] = (System.nanoTime() - started) / clientCount;
            checksum = downtime;
            System.out.printf("round %2d: %,d ns per client%n", round + 1, nanosPerClient[round]);
        }
        long[] sorted = nanosPerClient.clone();
        Arrays.sort(sorted);
        long[] lastHalf = Arrays.copyOfRange(nanosPerClient, rounds / 2, rounds);
        Arrays.sort(lastHalf);
        System.out.printf("median %,d ns per client (median of the last %d rounds %,d; min %,d); total downtime %s s%n",
                sorted[rounds / 2], lastHalf.length, lastHalf[lastHalf.length / 2], sorted[0], checksum.toPlainString());
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
