package com.slaledger.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Reads every JSON request body that is one of the service's request records ({@code ClientRequest},
 * {@code ContractRequest}, ...). An empty body or the JSON literal {@code null} is refused here, once for
 * every endpoint, with a 400 problem: left to the resources, each would see a null request and fail on
 * it as a 500 (a record marked {@link OptionalBody} is null instead). Everything else goes to the shared {@link ObjectMapper} (and so to {@link JsonSettings}),
 * its failures to {@link JsonProblems}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(Priorities.USER - 100)
public class RequestBodies implements MessageBodyReader<Object> {

    private final ObjectMapper json;

    public RequestBodies(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("com.slaledger.");
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        if (isBlank(bytes)) {
            return absent(type);
        }
        Object value;
        try {
            value = json.readerFor(json.constructType(genericType)).readValue(bytes);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        return value == null ? absent(type) : value;
    }

    /** No body: null for an {@link OptionalBody}, else the 400. */
    private static Object absent(Class<Object> type) {
        if (OptionalBody.class.isAssignableFrom(type)) {
            return null;
        }
        throw missing();
    }

    private static ProblemException missing() {
        return new ProblemException(400, JsonProblems.TITLE, "The body must be a JSON object", List.of());
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
