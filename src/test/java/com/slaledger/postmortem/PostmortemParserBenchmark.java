package com.slaledger.postmortem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long the parser takes on a 1 MB postmortem: the seed's sections and table, a timeline of some
 * 9,000 entries over several days, and long prose paragraphs, with a catalog of 100 services and
 * 1,000 clients. Not a test (machines differ); run it by hand, figures go to {@code docs/performance.md}:
 *
 * <pre>bench/postmortem-parser.sh</pre>
 */
public final class PostmortemParserBenchmark {

    private PostmortemParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String document = document(1_000_000);
        List<Catalog.Entry> services = new ArrayList<>();
        List<Catalog.Entry> clients = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            services.add(new Catalog.Entry("service-" + i, "Service number " + i));
        }
        for (int i = 0; i < 1000; i++) {
            clients.add(new Catalog.Entry("client-" + i, "Client Company " + i));
        }
        Catalog catalog = new Catalog(services, clients);
        System.out.printf("document: %,d bytes, %,d lines%n", document.getBytes(StandardCharsets.UTF_8).length,
                document.lines().count());
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cpuMillis = new long[runs];
        long[] millis = new long[runs];
        ParseResult last = null;
        for (int run = 0; run < runs; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            last = PostmortemParser.parse(document, PostmortemParser.Options.none(), catalog);
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.println("runs (ms): " + Arrays.toString(millis));
        long[] cpuSorted = cpuMillis.clone();
        Arrays.sort(cpuSorted);
        System.out.println("CPU time of the parsing thread (ms): " + Arrays.toString(cpuMillis));
        System.out.printf("wall: first run %d ms, median %d ms, max %d ms; CPU: median %d ms%n", millis[0],
                sorted[runs / 2], sorted[runs - 1], cpuSorted[runs / 2]);
        System.out.printf("load average while running: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        PostmortemDraft draft = last.draft();
        System.out.printf("timeline kept: %d entries, started %s, mitigated %s, %d warnings%n",
                draft.timeline().size(), draft.startedAt().at(), draft.mitigatedAt().at(), draft.warnings().size());
    }

    /** The seed postmortem grown to about {@code bytes} bytes. */
    static String document(int bytes) throws Exception {
        String seed = SeedPostmortemTest.seed();
        int table = seed.indexOf("10:22AM");
        int afterTable = seed.indexOf('\n', table) + 1;
        StringBuilder out = new StringBuilder(bytes + 1000).append(seed, 0, afterTable);
        String[] actions = {"Checked the dashboards for client-17 and service-3", "Restarted server %d of the pool",
                "Posted an update on the status page", "Escalated to the database team", "Drained node %d"};
        int minute = 10 * 60 + 23;
        int n = 0;
        StringBuilder tail = new StringBuilder();
        while (out.length() + tail.length() < bytes * 0.6) {
            int h = (minute / 60) % 24;
            int m = minute % 60;
            out.append(String.format("%d:%02d%s\t", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? "AM" : "PM"))
                    .append(String.format(actions[n % actions.length], n)).append('\n');
            minute += 1 + n % 3;
            n++;
        }
        out.append(seed, afterTable, seed.length()).append("\n\nAppendix\n\n");
        String paragraph = "The upgrade on 16 January 2024 touched every server of the cluster; at 10:00 the first"
                + " requests failed with an http 500 error and 30% of requests to the api were affected while the"
                + " rollback was prepared, which is why the team keeps a runbook for the next time. ";
        while (out.length() < bytes) {
            out.append(paragraph);
            if (out.length() % 7 == 0) {
                out.append("\n\n");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
