package com.slaledger.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploaded files that wait between their preview and the person's "import" (at most {@link #KEEP} and
 * only for the person who uploaded them). Kept in this instance's temporary folder under a random id; a
 * file is gone once imported, discarded or expired, and a restart forgets them all (upload again).
 */
@ApplicationScoped
public class UploadStaging {

    static final Duration KEEP = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Staged(Path file, String owner, Instant stagedAt) {
    }

    private final Map<String, Staged> staged = new ConcurrentHashMap<>();
    private final Path folder;

    public UploadStaging() {
        this.folder = Path.of(System.getProperty("java.io.tmpdir"), "sla-ledger-staged-uploads");
    }

    /** Keeps a copy of the uploaded file for its owner; the id names it in the import form. */
    public String stage(Path uploaded, String owner) {
        pruneExpired();
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        try {
            Files.createDirectories(folder);
            Path copy = folder.resolve(id + ".csv");
            Files.copy(uploaded, copy, StandardCopyOption.REPLACE_EXISTING);
            staged.put(id, new Staged(copy, owner, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the uploaded file for its import", e);
        }
        return id;
    }

    /** The staged file of this id if it is this owner's and has not expired. */
    public Optional<Path> find(String id, String owner) {
        Staged found = staged.get(id);
        if (found == null || !found.owner().equals(owner) || expired(found)) {
            return Optional.empty();
        }
        return Optional.of(found.file());
    }

    public void discard(String id) {
        Staged removed = staged.remove(id);
        if (removed != null) {
            try {
                Files.deleteIfExists(removed.file());
            } catch (IOException e) {
                // a temporary file the system cleans up; nothing depends on it any more
            }
        }
    }

    private void pruneExpired() {
        staged.entrySet().stream().filter(entry -> expired(entry.getValue())).map(Map.Entry::getKey).toList()
                .forEach(this::discard);
    }

    private static boolean expired(Staged staged) {
        return staged.stagedAt().plus(KEEP).isBefore(Instant.now());
    }
}
