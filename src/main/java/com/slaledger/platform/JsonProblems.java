package com.slaledger.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.slaledger.platform.JsonSettings.OutOfBoundsException;
import com.slaledger.platform.Problem.FieldViolation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns whatever Jackson could not read into a 400 problem in the caller's words: the field's JSON path
 * and the form it takes ("an ISO-8601 instant such as ..."). Jackson's own messages are never passed on:
 * they name Java types ({@code com.slaledger.incident.Severity}, {@code java.time.Instant}) and quote the
 * input at any length. Values are quoted only through {@link InputLimits#echo}.
 */
public final class JsonProblems {

    static final String TITLE = "Malformed request body";

    private JsonProblems() {
    }

    /** The problem for a failure to read a body (or a merge-patched body) as JSON of the expected shape. */
    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof OutOfBoundsException bounds) {
            return field(JsonPaths.of(bounds), "must be " + bounds.expected());
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            return field(JsonPaths.of(unknown), "is not a known field");
        } else if (e instanceof InvalidFormatException format) {
            String expected = format.getTargetType() == null ? "a valid value" : describe(format.getTargetType());
            String got = format.getValue() == null ? "" : ", got '" + InputLimits.echo(format.getValue()) + "'";
            return field(JsonPaths.of(format), "must be " + expected + got);
        } else if (e instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "a value of another type"
                    : describe(mismatch.getTargetType());
            return field(JsonPaths.of(mismatch), "must be " + expected);
        } else if (e instanceof JsonMappingException mapping) {
            Throwable cause = mapping.getCause();
            String reason = cause instanceof InputCoercionException ? "is out of range for this field"
                    : cause instanceof StreamConstraintsException ? tooLarge()
                    : "cannot be read as this field's type";
            return field(JsonPaths.of(mapping), reason);
        } else if (e instanceof StreamConstraintsException) {
            return body("The body is too large in one part: " + tooLarge());
        } else if (e instanceof InputCoercionException) {
            return body("A number is out of range for its field");
        } else if (e instanceof JsonParseException parse) {
            String message = parse.getOriginalMessage() == null ? "" : parse.getOriginalMessage();
            if (message.startsWith("Duplicate field '")) {
                String name = message.substring("Duplicate field '".length(), Math.max(message.lastIndexOf('\''),
                        "Duplicate field '".length()));
                return new ProblemException(400, TITLE, "The body names a field twice", List.of(
                        new FieldViolation(InputLimits.echo(name), "is given more than once in the same object")));
            }
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return body("The body is not valid JSON" + where);
        }
        return body("The body is not valid JSON");
    }

    /** How a problem names the form of a value of this type, in words and never by class name. */
    public static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime" -> InputLimits.instantRange();
            case "LocalDate" -> InputLimits.dateRange();
            case "YearMonth" -> InputLimits.monthRange();
            case "BigDecimal", "Double", "double", "Float", "float" -> "a number";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "List", "Set", "Collection" -> "a list";
            default -> type.isArray() ? "a list" : "an object";
        };
    }

    private static String tooLarge() {
        return "strings may have up to " + InputLimits.MAX_JSON_STRING_CHARS + " characters, numbers up to "
                + InputLimits.MAX_JSON_NUMBER_CHARS + " characters, nesting up to " + InputLimits.MAX_JSON_NESTING
                + " levels";
    }

    private static ProblemException field(String field, String message) {
        if (field.isEmpty()) {
            return body("The body " + message);
        }
        return new ProblemException(400, TITLE, "Field '" + field + "' " + message,
                List.of(new FieldViolation(field, message)));
    }

    private static ProblemException body(String detail) {
        return new ProblemException(400, TITLE, detail, List.of());
    }
}
