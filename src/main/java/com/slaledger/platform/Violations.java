package com.slaledger.platform;

import com.slaledger.platform.Problem.FieldViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Collects every violation of a request (bean constraints and the rules between fields) before
 * refusing it, so the caller hears about all of them at once rather than one per retry.
 */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new FieldViolation(field, message));
        return this;
    }

    /** Adds bean-validation results, their property paths prefixed ({@code items[3].}) when given. */
    public <T> Violations addAll(Set<ConstraintViolation<T>> violations, String prefix) {
        violations.stream()
                .map(v -> new FieldViolation(prefix + fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .forEach(found::add);
        return this;
    }

    public Violations addAll(List<FieldViolation> violations) {
        found.addAll(violations);
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public boolean has(String field) {
        return found.stream().anyMatch(v -> v.field().equals(field));
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found);
        }
    }

    /** {@code affectedServices[1].<list element>} reads as {@code affectedServices[1]}. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                name.append('[').append(position).append(']');
            }
            String part = node.getName();
            if (part != null && !part.startsWith("<")) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(part);
            }
        }
        return name.toString();
    }
}
