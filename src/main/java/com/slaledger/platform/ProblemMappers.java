package com.slaledger.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.slaledger.platform.Problem.FieldViolation;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps the failures a caller can cause to problem JSON. There is deliberately no mapper for
 * {@link Exception}: a bug stays a 500 (without a stack trace in the body) instead of posing as a 400.
 */
public class ProblemMappers {

    /** Database constraints that a race or a path around validation can still hit, in the caller's words. */
    private static final Map<String, FieldViolation> CONSTRAINTS = Map.of(
            "client_key_unique", new FieldViolation("key", "a client with this key exists already"),
            "service_key_unique", new FieldViolation("key", "a service with this key exists already"),
            "incident_source_external_id_unique",
            new FieldViolation("externalId", "an incident with this source and external id exists already"));

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(parameterPath(Violations.fieldName(v.getPropertyPath())), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(400, "Invalid request", violations.size() + " field(s) are invalid", uri, violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        return respond(400, "Malformed request body", "Unknown field '" + e.getPropertyName() + "'", uri,
                List.of(new FieldViolation(field, "is not a known field")));
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, UriInfo uri) {
        String expected = e.getTargetType() == null ? "a valid value" : describe(e.getTargetType());
        String field = JsonPaths.of(e);
        return respond(400, "Malformed request body", "Field '" + field + "' must be " + expected, uri,
                List.of(new FieldViolation(field, "must be " + expected + ", got " + quote(e.getValue()))));
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        String expected = e.getTargetType() == null ? "a value of another type" : describe(e.getTargetType());
        if (field.isEmpty()) {
            return respond(400, "Malformed request body", "The body must be " + expected, uri, List.of());
        }
        return respond(400, "Malformed request body", "Field '" + field + "' must be " + expected, uri,
                List.of(new FieldViolation(field, "must be " + expected)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "Malformed request body", "The body is not valid JSON" + where, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        String reason = e.getOriginalMessage() == null ? "cannot be read" : firstLine(e.getOriginalMessage());
        return respond(400, "Malformed request body", field.isEmpty() ? reason : "Field '" + field + "': " + reason,
                uri, field.isEmpty() ? List.of() : List.of(new FieldViolation(field, reason)));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return respond(400, "Malformed request body", "The body is not valid JSON", uri, List.of());
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

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps what Jackson found in a plain 400; answer with what it found
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, uri);
        } else if (e.getCause() instanceof InvalidFormatException cause) {
            return wrongValue(cause, uri);
        } else if (e.getCause() instanceof MismatchedInputException cause) {
            return wrongShape(cause, uri);
        } else if (e.getCause() instanceof JsonParseException cause) {
            return unreadableJson(cause, uri);
        } else if (e.getCause() instanceof JsonMappingException cause) {
            return unreadableBody(cause, uri);
        } else if (e.getCause() instanceof JsonProcessingException cause) {
            return otherJson(cause, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "Nothing is at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "The body's media type is not accepted here: the API takes application/json, the incident"
                    + " import text/csv";
            default -> status.getReasonPhrase();
        };
        return respond(status.getStatusCode(), status.getReasonPhrase(), detail, uri, List.of());
    }

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<FieldViolation> violations) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code create.request.startedAt} (method, parameter, field) reads as {@code startedAt}. */
    private static String parameterPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return Arrays.stream(parts, 2, parts.length).collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant such as 2024-01-16T09:00:00Z";
            case "LocalDate" -> "a date such as 2024-01-31";
            case "BigDecimal", "Double", "double", "Float", "float" -> "a number";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "List", "Set", "Collection" -> "a list";
            default -> "an object";
        };
    }

    private static String quote(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
