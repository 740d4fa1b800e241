package com.slaledger.incident;

import com.slaledger.incident.IncidentCsv.ParsedRow;
import com.slaledger.incident.IncidentRepository.IncidentKey;
import com.slaledger.incident.IncidentService.BatchResult;
import com.slaledger.incident.IncidentService.IncidentFilter;
import com.slaledger.incident.IncidentService.Outcome;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import com.slaledger.platform.ProblemMappers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSV import and export of incidents (columns and cell rules: {@link IncidentCsv}, docs/ingest.md "CSV").
 *
 * <p>An import is all or nothing and idempotent by {@code (source, externalId)}: rows go through the same
 * checks and the same write as a batch ({@link IncidentWriter}), {@value #CHUNK_ROWS} rows at a time in one
 * transaction, so memory holds a few chunks, not the file: a thread of the import reads, parses and checks the
 * next chunks while the transaction writes the previous one. Any error anywhere refuses the whole file with
 * every error (up to {@value #MAX_ERRORS_LISTED} listed) named {@code line N, column C}; N is the line of
 * the file on which the row starts (the header is line 1; a quoted cell may span lines). A preview
 * ({@code dryRun}) runs the same reading and checks and writes nothing.
 */
@ApplicationScoped
public class IncidentCsvImport {

    public static final String MEDIA_TYPE = "text/csv";
    /** Most data rows one file may hold. */
    public static final int MAX_ROWS = 100_000;
    /** Most errors named in one answer; the count says how many there were in all. */
    public static final int MAX_ERRORS_LISTED = 1_000;
    /** Rows a preview shows as they will be stored. */
    public static final int PREVIEW_ROWS = 20;
    static final int CHUNK_ROWS = 1_000;
    /** Chunks the reading thread may have ready before the writing waits for them. */
    private static final int CHUNKS_AHEAD = 2;
    /** Longest header line looked at to tell the delimiter. */
    private static final int HEADER_PEEK_CHARS = 64 * 1024;

    /** Fewest bytes a body must bring in each stall window to keep its import going. */
    static final int MIN_BYTES_PER_STALL_WINDOW = 1024;

    private final IncidentWriter writer;
    private final IncidentQueries queries;
    private final long maxBodyBytes;
    private final int timeoutSeconds;
    private final int stallSeconds;
    private final int maxConcurrent;
    private final Semaphore running;

    IncidentCsvImport(IncidentWriter writer, IncidentQueries queries,
            @ConfigProperty(name = "sla-ledger.import.max-body-size", defaultValue = "64M") MemorySize maxBody,
            @ConfigProperty(name = "sla-ledger.import.transaction-timeout-seconds", defaultValue = "600") int timeoutSeconds,
            @ConfigProperty(name = "sla-ledger.import.stall-seconds", defaultValue = "30") int stallSeconds,
            @ConfigProperty(name = "sla-ledger.import.max-concurrent", defaultValue = "4") int maxConcurrent) {
        this.writer = writer;
        this.queries = queries;
        this.maxBodyBytes = maxBody.asLongValue();
        this.timeoutSeconds = timeoutSeconds;
        this.stallSeconds = stallSeconds;
        this.maxConcurrent = maxConcurrent;
        this.running = new Semaphore(maxConcurrent);
    }

    /** One row of a preview: its line, what the import will do with it, and the incident as it will be stored. */
    public record PreviewRow(long line, Outcome outcome, IncidentRequest incident) {
    }

    /**
     * What an import did, or (with {@code dryRun}) would do. {@code valid} is false only in a preview:
     * then {@code errors} lists what refuses the file ({@code errorCount} of them in all).
     */
    public record ImportResult(boolean dryRun, boolean valid, int rows, int created, int updated, int unchanged,
            int errorCount, List<FieldViolation> errors, List<PreviewRow> preview) {
    }

    /** The largest body accepted, in bytes ({@code sla-ledger.import.max-body-size}). */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Reads a CSV body (UTF-8, with or without BOM; comma or semicolon told from the header line) and
     * imports it, or with {@code dryRun} previews it. A refused import is a 400 problem listing the first
     * {@value ProblemMappers#MAX_VIOLATIONS} errors ({@code line N, column C}; a preview lists up to
     * {@value #MAX_ERRORS_LISTED}); a body over the configured size or over {@value #MAX_ROWS} rows is a 413; a
     * body that stalls (fewer than {@value #MIN_BYTES_PER_STALL_WINDOW} bytes in {@code sla-ledger.import.stall-seconds})
     * is a 408; more than {@code sla-ledger.import.max-concurrent} imports and previews at once get a 503 with
     * {@code Retry-After} (RFC 9110 sections 15.5.9 and 15.6.4). Nothing is written unless the whole file is.
     */
    public ImportResult importCsv(InputStream body, boolean dryRun) {
        if (!running.tryAcquire()) {
            throw ProblemException.unavailable("The service is running " + maxConcurrent
                    + " CSV imports and previews already (sla-ledger.import.max-concurrent); retry in "
                    + ProblemMappers.RETRY_AFTER_SECONDS + " seconds");
        }
        try {
            return importAlone(new LimitedInputStream(body, maxBodyBytes), dryRun);
        } finally {
            running.release();
        }
    }

    private ImportResult importAlone(LimitedInputStream body, boolean dryRun) {
        // one transaction for the whole file: committed only for a valid import, rolled back otherwise
        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(timeoutSeconds));
        ImportResult result;
        try {
            result = run(body, dryRun);
        } catch (RuntimeException | Error e) { // an Error of the reading thread arrives here too
            QuarkusTransaction.rollback();
            throw e;
        }
        if (dryRun || !result.valid()) {
            QuarkusTransaction.rollback();
        } else {
            QuarkusTransaction.commit();
        }
        if (!result.valid() && !dryRun) {
            int listed = Math.min(result.errors().size(), ProblemMappers.MAX_VIOLATIONS);
            throw new ProblemException(400, "Invalid CSV", result.errorCount() + " error"
                    + (result.errorCount() == 1 ? "" : "s") + " in the file; nothing was imported"
                    + (result.errorCount() > listed ? " (the first " + listed + " are listed; a preview,"
                    + " ?dryRun=true, lists up to " + MAX_ERRORS_LISTED + ")" : ""),
                    result.errors().subList(0, listed));
        }
        return result;
    }

    private ImportResult run(LimitedInputStream body, boolean dryRun) {
        Run run = new Run(dryRun);
        RowReader reader = new RowReader(body);
        try {
            // each list is one chunk of the file: CHUNK_ROWS rows, fewer at the end
            for (List<ReadRow> rows = reader.next(); rows != null; rows = reader.next()) {
                for (ReadRow row : rows) {
                    run.add(row);
                }
                run.flush();
            }
        } finally {
            reader.stop();
        }
        return run.result();
    }

    /**
     * One data row as the reading thread leaves it: its line (where it starts), and either what is wrong with
     * its cells ({@code field} = the column, null for the whole row) or its request with the checks that need no
     * database ({@link IncidentWriter#prepare}).
     */
    private record ReadRow(long line, List<FieldViolation> cellErrors, IncidentWriter.Prepared prepared) {
    }

    /**
     * Reads, parses and checks the file's rows on a thread of its own, {@value #CHUNK_ROWS} rows at a time, while
     * the import's transaction writes the chunks before them: the CPU work of the next chunk overlaps with
     * PostgreSQL's writing of the previous one. At most {@value #CHUNKS_AHEAD} chunks wait, so memory still
     * holds a few chunks, not the file. A failure of the file (not CSV, not UTF-8, too large, a bad header)
     * reaches {@link #next} after the rows read before it, as it would have reached a single thread there.
     */
    private final class RowReader implements Runnable {
        /** The queue's end: every row was read. */
        private static final List<ReadRow> END = List.of();

        private final LimitedInputStream body;
        private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        private final Thread thread;
        private volatile boolean stopped;
        private int rows;

        RowReader(LimitedInputStream body) {
            this.body = body;
            this.thread = new Thread(this, "csv-import-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * The next rows in file order, null after the last; rethrows the reading thread's failure. A 408 when the
         * body brought fewer than {@value #MIN_BYTES_PER_STALL_WINDOW} bytes in the last {@code stallSeconds}
         * while nothing was ready: a stalled upload must not hold the transaction, its connection and its locks.
         */
        List<ReadRow> next() {
            Object item;
            // the body's byte count once a second; the stall test looks back stallSeconds from now, whatever
            // arrived before (a burst then silence is refused stallSeconds after the burst, not later)
            ArrayDeque<long[]> samples = new ArrayDeque<>();
            samples.add(new long[] {System.nanoTime(), body.bytesRead()});
            long window = TimeUnit.SECONDS.toNanos(stallSeconds);
            try {
                while ((item = ready.poll(1, TimeUnit.SECONDS)) == null) {
                    long now = System.nanoTime();
                    long bytes = body.bytesRead();
                    long[] base = null;
                    while (!samples.isEmpty() && now - samples.peekFirst()[0] >= window) {
                        base = samples.pollFirst(); // the newest sample at least a window old
                    }
                    if (base != null) {
                        samples.addFirst(base);
                        if (bytes - base[1] < MIN_BYTES_PER_STALL_WINDOW) {
                            throw new ProblemException(408, "Request Timeout", "The upload stalled: fewer than "
                                    + MIN_BYTES_PER_STALL_WINDOW + " bytes arrived in " + stallSeconds
                                    + " seconds (sla-ledger.import.stall-seconds); nothing was imported", List.of());
                        }
                    }
                    samples.addLast(new long[] {now, bytes});
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the file's rows", e);
            }
            if (item instanceof RuntimeException failure) {
                throw failure;
            }
            if (item instanceof Error error) {
                throw error;
            }
            @SuppressWarnings("unchecked")
            List<ReadRow> rows = (List<ReadRow>) item;
            return rows == END ? null : rows;
        }

        /** Ends the reading thread early (the import failed) or lets it go (it has ended). */
        void stop() {
            stopped = true;
            ready.clear();
            thread.interrupt();
        }

        @Override
        public void run() {
            Object last;
            try {
                read();
                last = END;
            } catch (Throwable failure) { // handed over whole: the import's thread decides what it means
                last = failure;
            }
            hand(last);
        }

        private void hand(Object item) {
            try {
                while (!stopped && !ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    // the import's thread is still writing: wait for room
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }

        private void read() {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65536);
            List<ReadRow> chunk = new ArrayList<>(CHUNK_ROWS);
            try {
                skipBom(reader);
                char delimiter = delimiter(reader);
                CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                        .get();
                try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                    // next() without hasNext(): hasNext() would read ahead and move the line count past the row
                    Iterator<CSVRecord> records = parser.iterator();
                    List<String> columns = header(nextOrNull(records));
                    while (!stopped) {
                        long line = parser.getCurrentLineNumber() + 1;
                        CSVRecord record = nextOrNull(records);
                        if (record == null) {
                            break;
                        }
                        if (record.size() == 0 || (record.size() == 1 && record.get(0).isEmpty())) {
                            continue; // a blank line
                        }
                        if (++rows > MAX_ROWS) {
                            throw new ProblemException(413, "Content too large", "The file has more than " + MAX_ROWS
                                    + " rows; split it into files of at most " + MAX_ROWS + " rows", List.of());
                        }
                        chunk.add(readRow(line, record, columns));
                        if (chunk.size() == CHUNK_ROWS) {
                            hand(chunk);
                            chunk = new ArrayList<>(CHUNK_ROWS);
                        }
                    }
                }
            } catch (UncheckedIOException e) {
                throw unreadable(e.getCause(), rows);
            } catch (IOException e) {
                throw unreadable(e, rows);
            } catch (IllegalStateException e) {
                throw invalidFile("The file is not well-formed CSV after row " + rows + NOT_WELL_FORMED);
            }
            if (!chunk.isEmpty()) {
                hand(chunk);
            }
        }

        private ReadRow readRow(long line, CSVRecord record, List<String> columns) {
            if (record.size() != columns.size()) {
                return new ReadRow(line, List.of(new FieldViolation(null, "has " + record.size()
                        + " fields where the header names " + columns.size())), null);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            List<FieldViolation> nul = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String cell = record.get(i);
                if (cell.indexOf('\u0000') >= 0) {
                    nul.add(new FieldViolation(columns.get(i), "must not contain NUL characters"));
                }
                cells.put(columns.get(i), cell);
            }
            if (!nul.isEmpty()) {
                return new ReadRow(line, nul, null);
            }
            ParsedRow parsed = IncidentCsv.parse(cells);
            if (!parsed.errors().isEmpty()) {
                return new ReadRow(line, parsed.errors(), null);
            }
            return new ReadRow(line, List.of(), writer.prepare(parsed.request()));
        }
    }

    /** Writes every incident the filter matches (within what the caller may see) as CSV, newest first. */
    public void export(IncidentFilter filter, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(IncidentCsv.COLUMNS
                .toArray(String[]::new)).get());
        IOException[] failure = new IOException[1];
        queries.forEach(filter, CHUNK_ROWS, incident -> {
            try {
                if (failure[0] == null) {
                    printer.printRecord(IncidentCsv.cells(incident));
                }
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        printer.flush();
    }

    /** How many rows an export of this filter would write. */
    public long exportCount(IncidentFilter filter) {
        return queries.count(filter);
    }

    /** The state of one import: counts, errors, the preview and the chunk being gathered. */
    private final class Run {
        final boolean dryRun;
        /** Whether this import holds the import lock ({@link IncidentWriter#lockImports}). */
        boolean writing;
        int rows;
        int created;
        int updated;
        int unchanged;
        int errorCount;
        final List<FieldViolation> errors = new ArrayList<>();
        final List<PreviewRow> preview = new ArrayList<>();
        final Map<IncidentKey, Long> lineOfKey = new HashMap<>();
        /** Errors of the chunk's rows found while reading (cells, repeated keys), listed with the rest at its flush. */
        final List<LineError> pending = new ArrayList<>();
        final List<Long> chunkLines = new ArrayList<>();
        final List<IncidentWriter.Prepared> chunk = new ArrayList<>();

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        void error(long line, String column, String message) {
            errorCount++;
            if (errors.size() < MAX_ERRORS_LISTED) {
                errors.add(new FieldViolation("line " + line + (column == null ? "" : ", column " + column), message));
            }
        }

        /** Lists the chunk's errors in file order: by line, and within a line in the order found. */
        void listChunkErrors(List<LineError> found) {
            found.sort(Comparator.comparingLong(LineError::line)); // stable: a line's errors keep their order
            found.forEach(e -> error(e.line(), e.column(), e.message()));
        }

        void add(ReadRow row) {
            rows++;
            long line = row.line();
            if (!row.cellErrors().isEmpty()) {
                row.cellErrors().forEach(v -> pending.add(new LineError(line, v.field(), v.message())));
                return;
            }
            IncidentRequest request = row.prepared().item();
            if (request.source() != null && request.externalId() != null) {
                IncidentKey key = new IncidentKey(request.source().strip(), request.externalId().strip());
                Long earlier = lineOfKey.putIfAbsent(key, line);
                if (earlier != null) {
                    pending.add(new LineError(line, "externalId", "repeats the source and externalId of line " + earlier));
                    return;
                }
            }
            chunk.add(row.prepared());
            chunkLines.add(line);
        }

        /** Checks the gathered chunk; writes it while the file has had no error, or previews it. */
        void flush() {
            if (chunk.isEmpty()) {
                listChunkErrors(pending);
                pending.clear();
                return;
            }
            IncidentWriter.Checked checked = writer.resolve(chunk);
            List<LineError> found = new ArrayList<>(pending);
            pending.clear();
            for (int i = 0; i < chunk.size(); i++) {
                long line = chunkLines.get(i);
                checked.violations().get(i).forEach(v -> found.add(new LineError(line, columnOf(v.field()), v.message())));
            }
            listChunkErrors(found);
            if (dryRun) {
                List<Outcome> outcomes = writer.outcomes(checked);
                for (int i = 0; i < chunk.size(); i++) {
                    count(outcomes.get(i));
                    if (outcomes.get(i) != null && preview.size() < PREVIEW_ROWS) {
                        preview.add(new PreviewRow(chunkLines.get(i), outcomes.get(i), checked.normalized().get(i)));
                    }
                }
                writer.detachAll();
            } else if (errorCount == 0) {
                if (!writing) {
                    // one import writes at a time: each holds its keys' locks chunk after chunk until it ends,
                    // so two would take them in crossing order and deadlock
                    writer.lockImports();
                    writing = true;
                }
                BatchResult written = writer.write(checked);
                created += written.created();
                updated += written.updated();
                unchanged += written.unchanged();
                writer.detachAll();
            }
            chunk.clear();
            chunkLines.clear();
        }

        private void count(Outcome outcome) {
            if (outcome == Outcome.CREATED) {
                created++;
            } else if (outcome == Outcome.UPDATED) {
                updated++;
            } else if (outcome == Outcome.UNCHANGED) {
                unchanged++;
            }
        }

        ImportResult result() {
            boolean valid = errorCount == 0;
            return new ImportResult(dryRun, valid, rows, valid || dryRun ? created : 0, valid || dryRun ? updated : 0,
                    valid || dryRun ? unchanged : 0, errorCount, List.copyOf(errors), List.copyOf(preview));
        }
    }

    /** An error of one line of the file: its column (null for the whole row) and what is wrong. */
    private record LineError(long line, String column, String message) {
    }

    /** {@code affectedServices[1]} and {@code timeline[0].text} are cells of the columns before the bracket. */
    static String columnOf(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '[' || field.charAt(i) == '.') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }

    private static CSVRecord nextOrNull(Iterator<CSVRecord> records) {
        try {
            return records.next();
        } catch (NoSuchElementException e) {
            return null;
        }
    }

    private static List<String> header(CSVRecord record) {
        if (record == null) {
            throw invalidFile("The file is empty: the first line must name the columns");
        }
        List<FieldViolation> bad = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            String column = IncidentCsv.column(name);
            if (column == null) {
                bad.add(new FieldViolation("line 1, column " + (i + 1), "is not a known column: "
                        + IncidentCsv.echo(name) + "; the columns are " + String.join(", ", IncidentCsv.COLUMNS)));
            } else if (!seen.add(column)) {
                bad.add(new FieldViolation("line 1, column " + (i + 1), "names " + column + " a second time"));
            }
            columns.add(column);
        }
        for (String required : IncidentCsv.REQUIRED) {
            if (!seen.contains(required)) {
                bad.add(new FieldViolation("line 1", "has no " + required + " column"));
            }
        }
        if (!seen.contains("affectedServices") && !seen.contains("affectedClients")) {
            bad.add(new FieldViolation("line 1", "has neither an affectedServices nor an affectedClients column"));
        }
        if (!bad.isEmpty()) {
            throw new ProblemException(400, "Invalid CSV", "The header line (line 1) must name the columns",
                    bad.size() > MAX_ERRORS_LISTED ? bad.subList(0, MAX_ERRORS_LISTED) : bad);
        }
        return columns;
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        int first = reader.read();
        if (first != '\uFEFF' && first != -1) {
            reader.reset();
        }
    }

    /** Semicolon when the header line has more semicolons than commas outside quotes, else comma. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK_CHARS + 1);
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int n = 0; n < HEADER_PEEK_CHARS; n++) {
            int c = reader.read();
            if (c == -1 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }

    private static ProblemException unreadable(Throwable cause, int rows) {
        if (cause instanceof ProblemException problem) {
            return problem;
        }
        if (cause instanceof CharacterCodingException) {
            return invalidFile("The file is not UTF-8 text (after row " + rows + ")");
        }
        // the parser's own message quotes its internals; the caller gets the row and what to look for
        return invalidFile("The file is not well-formed CSV after row " + rows + NOT_WELL_FORMED);
    }

    private static final String NOT_WELL_FORMED = " (a quoted field never closed, or text right after a closing quote)";

    private static ProblemException invalidFile(String detail) {
        return new ProblemException(400, "Invalid CSV", detail, List.of());
    }


    /** Counts the bytes read and refuses the body (413) past the limit, before any more is buffered. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private final long limit;
        /** Written by the reading thread, read by the import's (stall checks). */
        private volatile long read;

        LimitedInputStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        long bytesRead() {
            return read;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The 413 of a body over the configured size. */
    public static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "Content too large", "The body is larger than the " + limit
                + " bytes accepted (sla-ledger.import.max-body-size)", List.of());
    }
}
