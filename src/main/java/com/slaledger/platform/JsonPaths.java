package com.slaledger.platform;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Where in a request body Jackson stumbled, written as the field paths of our problem documents. */
public final class JsonPaths {

    /** Longest path quoted back; an unknown key may be any length. */
    static final int MAX_CHARS = 200;

    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return bounded(path);
    }

    /** The path of the value a parser has just read, e.g. {@code timeline[0].text}; empty at the top level. */
    public static String of(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.push(at.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return bounded(path);
    }

    // a path names the caller's keys, which may be as long as the body allows: quote a bounded part
    private static String bounded(StringBuilder path) {
        return path.length() <= MAX_CHARS ? path.toString() : path.substring(0, MAX_CHARS) + "…";
    }
}
