package com.slaledger.platform;

import com.slaledger.platform.Problem.FieldViolation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL text cannot hold the NUL character: a key, filter or field containing one would reach
 * the database and fail there as a 500. Such a request is the caller's mistake (or an attack), so it
 * is refused with a 400: in the path or query by this filter before it goes anywhere; in a body by the
 * database's own refusal (SQLSTATE 22021) mapped below. A JSON body's strings holding one are noted with
 * their paths while the body is read ({@link JsonSettings}), so that refusal names each such field
 * ({@code title}, {@code timeline[0].text}); a field with a rule of its own (one line without control
 * characters, a text document) answers with that rule first. Other bodies (a CSV import, a form) check
 * their text themselves.
 *
 * <p>Free text a request keeps or a page shows again (a name, a label, a note) is also held to
 * {@link #unfit}: no control characters, no unpaired UTF-16 surrogate, no bidirectional control.
 */
public class TextSanity {

    /** What a field holding the NUL character is told. */
    static final String NUL_MESSAGE = "must not contain the NUL character (\\u0000)";
    private static final String NOTED = "sla-ledger.nul-fields";
    private static final int MAX_NOTED = ProblemMappers.MAX_VIOLATIONS;
    /** SQLSTATE character_not_in_repertoire: what PostgreSQL answers to a NUL in text. */
    private static final String NOT_IN_REPERTOIRE = "22021";

    /** The message of a text holding a control character (line breaks and tabs too, in a one-line text). */
    public static final String CONTROL_MESSAGE = "must not contain control characters";
    /** The message of a multi-line text holding a control character other than a line break or a tab. */
    public static final String CONTROL_IN_FREE_TEXT_MESSAGE =
            "must not contain control characters other than line breaks and tabs";
    /** The message of a text holding half of a UTF-16 surrogate pair. */
    public static final String SURROGATE_MESSAGE = "must not contain an unpaired UTF-16 surrogate (half a character)";
    /** The message of a text holding a bidirectional control character. */
    public static final String BIDI_MESSAGE = "must not contain bidirectional control characters "
            + "(U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)";

    /**
     * Why {@code text} is unfit to keep and show again, as the message of a violation naming its field, or empty
     * when it is fine (null is fine: whether a field is required is the caller's rule). Refused:
     * <ul>
     * <li>control characters ({@link Character#isISOControl}); {@code multiLine} allows line feed, carriage return
     * and tab;</li>
     * <li>an unpaired UTF-16 surrogate: half a character, which a JSON escape can carry but no encoding can
     * write (a page or CSV shows it as U+FFFD, or the write fails);</li>
     * <li>the bidirectional controls U+202A to U+202E (embeddings, overrides), U+2066 to U+2069 (isolates),
     * U+200E and U+200F (marks) and U+061C (Arabic letter mark): invisible, they make a name read as another
     * on the pages, in lists and in exported files (the "Trojan Source" reordering, CVE-2021-42574).</li>
     * </ul>
     * Right-to-left letters themselves are fine: it is only the invisible controls that are refused.
     */
    public static Optional<String> unfit(String text, boolean multiLine) {
        if (text == null) {
            return Optional.empty();
        }
        boolean control = false;
        boolean bidi = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return Optional.of(SURROGATE_MESSAGE);
            } else if (isBidiControl(c)) {
                bidi = true;
            } else if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                control = true;
            }
        }
        if (control) {
            return Optional.of(multiLine ? CONTROL_IN_FREE_TEXT_MESSAGE : CONTROL_MESSAGE);
        }
        return bidi ? Optional.of(BIDI_MESSAGE) : Optional.empty();
    }

    /** Whether {@code c} is one of the invisible bidirectional controls {@link #unfit} refuses. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }

    /** Adds {@code field}'s violation to {@code violations} when {@code text} is {@link #unfit}; true when it is. */
    public static boolean check(String field, String text, boolean multiLine, Violations violations) {
        Optional<String> problem = unfit(text, multiLine);
        problem.ifPresent(message -> violations.add(field, message));
        return problem.isPresent();
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseNulInPathOrQuery(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        boolean nul = uri.getPath().indexOf('\0') >= 0 || uri.getQueryParameters().entrySet().stream()
                .anyMatch(parameter -> parameter.getKey().indexOf('\0') >= 0
                        || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0));
        return nul ? refusal("The address must not contain NUL characters", List.of()) : null;
    }

    /** SQLSTATE 22021 (character not in repertoire): a NUL in a body's text. Other data errors stay 500s. */
    @ServerExceptionMapper
    public Response nulInText(org.hibernate.exception.DataException e) {
        return nulRefusal(e).orElseThrow(() -> e);
    }

    /**
     * The 400 for a failure that is PostgreSQL refusing a NUL in text (SQLSTATE 22021 anywhere in the
     * causes), naming the fields of the request body noted to hold one; empty for any other failure.
     */
    static Optional<Response> nulRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                List<FieldViolation> fields = notedFields().stream()
                        .map(field -> new FieldViolation(field, NUL_MESSAGE)).toList();
                String detail = fields.isEmpty() ? "Text must not contain NUL characters"
                        : fields.size() == 1 ? "Field '" + fields.get(0).field() + "' " + NUL_MESSAGE
                        : fields.size() + " fields contain the NUL character (\\u0000)";
                return Optional.of(refusal(detail, fields));
            }
        }
        return Optional.empty();
    }

    /**
     * Notes that the string read at {@code path} of the request body holds the NUL character. Kept on the
     * request (at most {@value ProblemMappers#MAX_VIOLATIONS} paths, the first of each); outside a request
     * (reading JSON that is not a request) nothing is noted.
     */
    static void noteNul(String path) {
        RoutingContext request = currentRequest();
        if (request == null || path.isEmpty()) {
            return;
        }
        List<String> noted = request.get(NOTED);
        if (noted == null) {
            noted = new ArrayList<>();
            request.put(NOTED, noted);
        }
        if (noted.size() < MAX_NOTED && !noted.contains(path)) {
            noted.add(path);
        }
    }

    private static List<String> notedFields() {
        RoutingContext request = currentRequest();
        List<String> noted = request == null ? null : request.get(NOTED);
        return noted == null ? List.of() : List.copyOf(noted);
    }

    private static RoutingContext currentRequest() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(CurrentVertxRequest.class).get().getCurrent();
    }

    private static Response refusal(String detail, List<FieldViolation> violations) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Invalid request", 400, detail, null, violations)).build();
    }
}
