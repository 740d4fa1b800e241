package com.slaledger.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396) onto the JSON form of a request record: {@code null} clears a field (for a
 * record, null and absent mean the same), objects merge field by field, anything else replaces.
 */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    /** Applies {@code patch} to {@code target} in place. */
    public static void apply(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.putNull(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                apply(nested, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        });
    }
}
