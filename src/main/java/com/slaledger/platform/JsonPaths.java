package com.slaledger.platform;

import com.fasterxml.jackson.databind.JsonMappingException;

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
        // a path names the caller's keys, which may be as long as the body allows: quote a bounded part
        return path.length() <= MAX_CHARS ? path.toString() : path.substring(0, MAX_CHARS) + "…";
    }
}
