package com.slaledger.postmortem.importing;

import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The text of a postmortem as received: at most {@link #MAX_BYTES} bytes of UTF-8 without NUL
 * characters. A byte-order mark is dropped and line endings become {@code \n}, so the same document
 * saved on Windows or pasted from a browser hashes to the same external id.
 */
public final class PostmortemText {

    /** 1 MiB: the largest document accepted, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1 << 20;

    private PostmortemText() {
    }

    /** The text of a {@code text/plain} or {@code text/markdown} body; 413, or 415 for binary content. */
    public static String of(byte[] body, String field) {
        if (body == null || body.length == 0) {
            throw ProblemException.badParameter(field, "must not be empty: paste or upload the postmortem");
        }
        if (body.length > MAX_BYTES) {
            throw tooLarge(field, body.length);
        }
        for (byte b : body) {
            if (b == 0) {
                throw binary(field, "contains NUL bytes");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw binary(field, "is not UTF-8 text");
        }
        return normalized(text);
    }

    /** The text of a JSON field; same limits. */
    public static String of(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter(field, "must not be empty: paste or upload the postmortem");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw tooLarge(field, bytes);
        }
        if (value.indexOf('\u0000') >= 0) {
            throw binary(field, "contains NUL characters");
        }
        return normalized(value);
    }

    /** {@code sha256-} and the first 32 hex digits of the SHA-256 of the normalized text. */
    public static String externalId(String normalizedText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalizedText.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String normalized(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The 413 problem of a document over the limit. */
    public static ProblemException tooLarge(String field, long bytes) {
        return new ProblemException(413, "Document too large", "The postmortem has " + bytes
                + " bytes; at most " + MAX_BYTES + " (1 MiB) are accepted",
                List.of(new FieldViolation(field, "must be at most 1 MiB of text")));
    }

    private static ProblemException binary(String field, String what) {
        return new ProblemException(415, "Not a text document", "The upload " + what
                + ": a postmortem must be plain text or Markdown in UTF-8 (export a Word, PDF or Google Docs"
                + " file as text first)", List.of(new FieldViolation(field, "must be UTF-8 text, not a binary file")));
    }
}
