package com.slaledger.testing;

import com.slaledger.incident.IncidentCsvImport;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import com.slaledger.incident.IncidentCsvImport.ImportResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * CSV previews held open inside the service: each has read the given file and waits for the rest of its body
 * until {@link #close}, so it holds one of the service's import places (sla-ledger.import.max-concurrent). Run
 * in the test's own JVM, without the network, so the places are taken before the method returns.
 */
public final class HeldImports implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<CompletableFuture<ImportResult>> held = new ArrayList<>();
    private final ExecutorService threads;

    private HeldImports(IncidentCsvImport imports, String csv, int count) {
        threads = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            InputStream body = new SequenceInputStream(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    new InputStream() {
                        @Override
                        public int read() {
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return -1;
                        }
                    });
            held.add(CompletableFuture.supplyAsync(() -> {
                // as an HTTP request would have: the transaction of QuarkusTransaction lives in the request context
                ManagedContext context = Arc.container().requestContext();
                context.activate();
                try {
                    return imports.importCsv(body, true);
                } finally {
                    context.terminate();
                }
            }, threads));
        }
        threads.shutdown();
    }

    /** Starts {@code count} previews of {@code csv} that hold their places until {@link #close}. */
    public static HeldImports hold(IncidentCsvImport imports, String csv, int count) {
        return new HeldImports(imports, csv, count);
    }

    /** Whether any held preview has ended (it would have freed its place): then a test cannot rely on them. */
    public boolean anyEnded() {
        return held.stream().anyMatch(CompletableFuture::isDone);
    }

    /** Lets the held previews end and waits for them (their results or failures do not matter). */
    @Override
    public void close() {
        release.countDown();
        held.forEach(f -> f.handle((result, failure) -> null).join());
    }
}
