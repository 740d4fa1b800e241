package com.slaledger.platform;

import com.slaledger.platform.Problem.FieldViolation;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters a {@link KnownQueryParametersOnly} endpoint does not read: 400 problem, one
 * violation per unknown name (each cut to {@value #MAX_ECHOED_NAME} characters, at most
 * {@value #MAX_ECHOED_NAMES} named, so an unbounded query string is never echoed). The allowed names are
 * the method's own {@code @QueryParam}s, so a parameter added to an endpoint is allowed with no other change.
 */
@Provider
@KnownQueryParametersOnly
public class KnownQueryParametersFilter implements ContainerRequestFilter {

    static final int MAX_ECHOED_NAME = 40;
    static final int MAX_ECHOED_NAMES = 10;

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, KnownQueryParametersFilter::queryParameters);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(declared);
        if (unknown.isEmpty()) {
            return;
        }
        String allowed = declared.isEmpty() ? "this endpoint takes no query parameter"
                : "not a parameter of this endpoint; it takes " + String.join(", ", new TreeSet<>(declared));
        List<FieldViolation> violations = unknown.stream()
                .limit(MAX_ECHOED_NAMES)
                .map(name -> new FieldViolation(name.length() > MAX_ECHOED_NAME
                        ? name.substring(0, MAX_ECHOED_NAME) + "…" : name, allowed))
                .toList();
        throw ProblemException.invalid(violations);
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam queryParam) {
                    names.add(queryParam.value());
                }
            }
        }
        return names;
    }
}
