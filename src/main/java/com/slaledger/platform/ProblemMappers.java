package com.slaledger.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.slaledger.platform.Problem.FieldViolation;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps the failures a caller can cause to problem JSON. There is deliberately no mapper for
 * {@link Exception}: a bug stays a 500 (without a stack trace in the body) instead of posing as a 400.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying a 503 (database unreachable, timed out, read cancelled). */
    public static final int RETRY_AFTER_SECONDS = 10;

    /** The detail of a 403 for a signed-in caller whose roles do not open the endpoint. */
    static final String FORBIDDEN = "You are signed in, but your roles do not allow this request";
    /** The detail of a 503 while the database cannot be reached. */
    static final String DATABASE_UNREACHABLE =
            "The database cannot be reached; retry in " + RETRY_AFTER_SECONDS + " seconds";
    /** The detail of a 503 for a transaction that outlived its timeout. */
    static final String TRANSACTION_TIMED_OUT = "The request took longer than one transaction may last and was"
            + " rolled back; nothing was changed. Retry in " + RETRY_AFTER_SECONDS + " seconds";
    /** The detail of a 503 for a read the database cancelled (SQLSTATE 40001), typically a standby's replay. */
    static final String READ_CANCELLED = "The database cancelled this read to apply newer changes (a read replica"
            + " catching up with the primary); retry in " + RETRY_AFTER_SECONDS + " seconds";
    static final String WRITE_COLLIDED = "This write waited on another that waited on it (a deadlock), and the database"
            + " ended it; nothing was written; retry in " + RETRY_AFTER_SECONDS + " seconds";

    /** Narayana's "The transaction is not active!": its reaper rolled the transaction back for its timeout. */
    private static final String TRANSACTION_NOT_ACTIVE = "ARJUNA016102";
    /** SQLSTATE serialization_failure; on a hot standby "canceling statement due to conflict with recovery". */
    private static final String SERIALIZATION_FAILURE = "40001";
    /** SQLSTATE deadlock_detected: PostgreSQL ended this transaction to break a cycle of waiting writers. */
    private static final String DEADLOCK_DETECTED = "40P01";

    /** Most field violations one problem lists. */
    public static final int MAX_VIOLATIONS = 100;

    /** Database constraints that a race or a path around validation can still hit, in the caller's words. */
    private static final Map<String, FieldViolation> CONSTRAINTS = Map.of(
            "client_key_unique", new FieldViolation("key", "a client with this key exists already"),
            "service_key_unique", new FieldViolation("key", "a service with this key exists already"),
            "incident_source_external_id_unique",
            new FieldViolation("externalId", "an incident with this source and external id exists already"),
            // two credits issued at once with one credit note number: each checked it was free before either wrote
            "credit_note_number_unique",
            new FieldViolation("creditNoteNumber", "is already used by another credit"),
            // a contract naming a service calendar that an admin deleted between the check and the insert
            "contract_service_calendar_key_fkey",
            new FieldViolation("serviceCalendar", "names a service calendar that was deleted meanwhile"));

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.status(), e.title(), e.getMessage(), uri, e.violations());
        if (e.status() == 503) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(parameterPath(Violations.fieldName(v.getPropertyPath())), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(400, "Invalid request", violations.size() + " field(s) are invalid", uri, violations);
    }

    /** Every failure to read a JSON body, in words ({@link JsonProblems}); never Jackson's own message. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    /** Takes precedence over the JSON extension's own mapper, which quotes the value and names the Java type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    /**
     * A role rule of a resource ({@code @RolesAllowed}) refused a signed-in caller: 403 with a problem saying
     * so, no field at fault. (Refusals of the HTTP role rules: {@link HttpRefusals}.)
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", FORBIDDEN, uri, List.of());
    }

    @ServerExceptionMapper
    public Response concurrentEdit(OptimisticLockException e, UriInfo uri) {
        return respond(409, "Conflict", "Someone else changed this record meanwhile; read it again and retry",
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String name = e.getConstraintName() == null ? "" : e.getConstraintName();
        FieldViolation known = CONSTRAINTS.get(name);
        if (known != null) {
            return respond(409, "Conflict", known.field() + " " + known.message(), uri, List.of(known));
        }
        return respond(409, "Conflict", "The change breaks a data rule (" + name + ")", uri, List.of());
    }

    /**
     * The database cannot be reached (SQLSTATE class 08, a refused or dropped connection, or no pooled
     * connection within the acquisition timeout): 503 with {@code Retry-After}, as RFC 9110 section 15.6.4
     * describes for a temporary overload or outage, instead of a 500 that reads like a bug.
     */
    @ServerExceptionMapper
    public Response databaseUnreachable(JDBCConnectionException e, UriInfo uri) {
        return unavailable(uri, DATABASE_UNREACHABLE);
    }

    /**
     * Other persistence failures: a 400 naming the fields when PostgreSQL refused a NUL in text
     * ({@link TextSanity}); 503 when a connection failure lies underneath (drivers and pools wrap it
     * differently), a transaction timed out, the database cancelled a read or broke a deadlock by ending this
     * transaction (SQLSTATE 40P01: two writers took the same locks in crossing order); otherwise a 500 logged with its
     * stack trace and answered without one.
     */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return databaseFailure(e, uri);
    }

    /** A raw JDBC failure that no layer wrapped: the same rule as {@link #persistence}. */
    @ServerExceptionMapper
    public Response jdbc(SQLException e, UriInfo uri) {
        return databaseFailure(e, uri);
    }

    /**
     * The commit of a transaction failed: a checked exception of a {@code @Transactional} method's commit,
     * which CDI wraps undeclared, one of {@code QuarkusTransaction.commit()}, or the commit's own where the
     * REST layer unwraps it. A transaction that outlived its timeout
     * ({@code quarkus.transaction-manager.default-transaction-timeout}, 60 s, or the method's own) is rolled
     * back by the transaction manager, and its commit fails. That is a 503 with {@code Retry-After}, as for an
     * overloaded database: nothing was written. Anything else stays a logged 500.
     */
    @ServerExceptionMapper({ArcUndeclaredThrowableException.class, QuarkusTransactionException.class,
            RollbackException.class})
    public Response transactionEnded(Exception e, UriInfo uri) {
        return databaseFailure(e, uri);
    }

    private static Response databaseFailure(Exception e, UriInfo uri) {
        Optional<Response> nulInText = TextSanity.nulRefusal(e);
        if (nulInText.isPresent()) {
            return nulInText.get();
        } else if (isConnectionFailure(e)) {
            return unavailable(uri, DATABASE_UNREACHABLE);
        } else if (isTransactionTimeout(e)) {
            LOG.warn("A transaction outlived its timeout and was rolled back: " + uri(uri));
            return unavailable(uri, TRANSACTION_TIMED_OUT);
        } else if (isCancelledRead(e)) {
            LOG.warn("The database cancelled a read (SQLSTATE 40001): " + uri(uri));
            return unavailable(uri, READ_CANCELLED);
        } else if (hasState(e, DEADLOCK_DETECTED)) {
            LOG.warn("The database broke a deadlock by ending this request's transaction (SQLSTATE 40P01): " + uri(uri));
            return unavailable(uri, WRITE_COLLIDED);
        }
        LOG.error("Request failed on the server", e);
        return respond(500, "Internal Server Error", "The request failed on the server", uri, List.of());
    }

    private static String uri(UriInfo uri) {
        return uri == null ? "" : InputLimits.echo(uri.getPath());
    }

    /**
     * Whether the transaction manager rolled the transaction back under the work: Narayana's reaper ends a
     * transaction that outlives its timeout, and the commit then fails with "ARJUNA016102: The transaction is
     * not active!" (a {@link RollbackException}).
     */
    public static boolean isTransactionTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(TRANSACTION_NOT_ACTIVE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database cancelled a statement as a serialization failure (SQLSTATE 40001). PostgreSQL
     * answers so on a hot standby when a report read holds back the replay of the primary's changes longer
     * than {@code max_standby_streaming_delay} (manual, "Hot Standby", "Handling Query Conflicts"); the
     * reports read it once more on a fresh snapshot before it comes here (docs/scaling.md). Reading again
     * later is the remedy, so it is a 503 with {@code Retry-After}, not a 500.
     */
    public static boolean isCancelledRead(Throwable e) {
        return hasState(e, SERIALIZATION_FAILURE);
    }

    /** Whether the exception or one of its causes is a {@link SQLException} with this SQLSTATE. */
    private static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a connection failure is the exception or one of its causes. */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // Agroal's pool: no connection became free (or could be opened) within the acquisition timeout
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Response unavailable(UriInfo uri, String detail) {
        Problem problem = new Problem("about:blank", "Service Unavailable", 503, detail, instance(uri), List.of());
        return Response.status(503).header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps what Jackson found in a plain 400; answer with what it found
        if (e.getCause() instanceof JsonProcessingException cause) {
            return unreadableJson(cause, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "Nothing is at " + InputLimits.echo(uri.getPath());
            case 405 -> "This method is not allowed on " + InputLimits.echo(uri.getPath());
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "The body's media type is not accepted here: the API takes application/json, the incident"
                    + " import text/csv";
            default -> status.getReasonPhrase();
        };
        return respond(status.getStatusCode(), status.getReasonPhrase(), detail, uri, List.of());
    }

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<FieldViolation> violations) {
        // a backstop for messages that quote what the caller sent: each part bounded, at most 100 violations
        List<FieldViolation> shown = violations.stream().limit(MAX_VIOLATIONS)
                .map(v -> new FieldViolation(bounded(v.field(), 200), bounded(v.message(), 500))).toList();
        String more = violations.size() > MAX_VIOLATIONS
                ? " (the first " + MAX_VIOLATIONS + " of " + violations.size() + " violations are listed)" : "";
        Problem problem = new Problem("about:blank", title, status, bounded(detail, 1_000) + more, instance(uri),
                shown);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String bounded(String text, int maxChars) {
        return text == null || text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
    }

    /** The request's path as the problem's instance; left out when longer than any real path, not echoed. */
    static String instance(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        String path = uri.getPath();
        return path.length() <= 200 ? path : null;
    }

    /** {@code create.request.startedAt} (method, parameter, field) reads as {@code startedAt}. */
    private static String parameterPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return Arrays.stream(parts, 2, parts.length).collect(Collectors.joining("."));
    }

}
