package com.slaledger.security;

import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** The caller's address as the HTTP layer sees it (forwarded headers count only when the proxy config says so). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(RoutingContext context) {
        if (context == null) {
            return "";
        }
        SocketAddress address = context.request().remoteAddress();
        return address == null ? "" : address.hostAddress();
    }

    static String of(AuthenticationRequest request) {
        return of(HttpSecurityUtils.getRoutingContextAttribute(request));
    }
}
