package com.slaledger.web;

import com.slaledger.platform.Problem.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, by form field, so a page shows each message beside its
 * field. A service names list items ({@code affectedServices[1]}, {@code timeline[2].at}); the form
 * has one field per list, so those messages go to the list's field, saying which item they are about.
 */
public final class FormErrors {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors add(String field, String message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    /** Adds a service's violations under the form field each one belongs to. */
    public FormErrors addAll(List<FieldViolation> violations, Map<String, String> itemNames) {
        for (FieldViolation violation : violations) {
            String path = violation.field();
            int bracket = path.indexOf('[');
            if (bracket < 0) {
                add(path, violation.message());
                continue;
            }
            String field = path.substring(0, bracket);
            int close = path.indexOf(']', bracket);
            String index = path.substring(bracket + 1, close);
            String rest = path.substring(close + 1);
            String item = itemNames.getOrDefault(field, "item");
            String where = item + " " + (Integer.parseInt(index) + 1) + (rest.isEmpty() ? "" : " (" + rest.substring(1) + ")");
            add(field, where + ": " + violation.message());
        }
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int count() {
        return byField.values().stream().mapToInt(List::size).sum();
    }

    public java.util.Set<String> fields() {
        return byField.keySet();
    }
}
