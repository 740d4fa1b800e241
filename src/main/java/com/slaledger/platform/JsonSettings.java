package com.slaledger.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * How JSON is read and written everywhere (the API, merge patches, audit snapshots):
 * <ul>
 *   <li>exact decimals go out as people write them: {@code 100}, never {@code 1E+2};</li>
 *   <li>a key given twice in one object is refused (RFC 8259 leaves duplicates undefined, and taking
 *       the last one silently would let a proxy and the service read different requests);</li>
 *   <li>strings, numbers and nesting are bounded while parsing ({@link InputLimits});</li>
 *   <li>decimals, instants and dates outside {@link InputLimits} are refused as the field's mistake
 *       ({@link OutOfBoundsException}), whichever deserializer read them;</li>
 *   <li>a number with a fraction for a whole-number field ({@code "minimumOutageSeconds": 1.5}) is refused,
 *       not cut to {@code 1} (Jackson's {@code ACCEPT_FLOAT_AS_INT}, on by default, truncates silently); so is
 *       {@code 1.0} and {@code 1e2}: a whole number is written without a point or an exponent;</li>
 *   <li>a string holding the NUL character (U+0000) is noted with its field's path: PostgreSQL text cannot
 *       store it, and when the database refuses it that refusal names the field ({@link TextSanity}). It is
 *       not refused here, so that a field's own rule ("one line without control characters", "a text
 *       document") still answers first with its own words.</li>
 * </ul>
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(InputLimits.MAX_JSON_STRING_CHARS)
                .maxNumberLength(InputLimits.MAX_JSON_NUMBER_CHARS)
                .maxNestingDepth(InputLimits.MAX_JSON_NESTING)
                .build());
        mapper.registerModule(new SimpleModule("sla-ledger-input-limits").setDeserializerModifier(new Bounds()));
    }

    /** Wraps the deserializer of each bounded type, whichever module supplied it, with its bound. */
    private static final class Bounds extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == BigDecimal.class) {
                return new Bounded<>(deserializer, BigDecimal.class, InputLimits::tractable,
                        InputLimits.decimalBounds());
            } else if (type == Instant.class) {
                return new Bounded<>(deserializer, Instant.class, InputLimits::inRange, InputLimits.instantRange());
            } else if (type == LocalDate.class) {
                return new Bounded<>(deserializer, LocalDate.class, InputLimits::inRange, InputLimits.dateRange());
            } else if (type == String.class) {
                return new NulWatch(deserializer);
            }
            return deserializer;
        }
    }

    private static final class Bounded<T> extends DelegatingDeserializer {

        private final Class<T> type;
        private final Predicate<T> allowed;
        private final String expected;

        Bounded(JsonDeserializer<?> delegate, Class<T> type, Predicate<T> allowed, String expected) {
            super(delegate);
            this.type = type;
            this.allowed = allowed;
            this.expected = expected;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded<>(delegate, type, allowed, expected);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value != null && type.isInstance(value) && !allowed.test(type.cast(value))) {
                throw new OutOfBoundsException(parser, expected, type);
            }
            return value;
        }
    }

    /** Notes where a string holding the NUL character was read ({@link TextSanity#noteNul}). */
    private static final class NulWatch extends DelegatingDeserializer {

        NulWatch(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NulWatch(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text && text.indexOf('\0') >= 0) {
                TextSanity.noteNul(JsonPaths.of(parser.getParsingContext()));
            }
            return value;
        }
    }

    /**
     * A value that parsed but lies outside {@link InputLimits}; {@link #expected()} says in words what the
     * field takes. The value itself is never kept, so no message can print it.
     */
    public static final class OutOfBoundsException extends InvalidFormatException {

        private final String expected;

        OutOfBoundsException(JsonParser parser, String expected, Class<?> type) {
            super(parser, "value out of bounds", null, type);
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }
}
