package com.slaledger.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The trusted proxies are literal addresses or CIDRs in every profile. Quarkus resolves any other entry as
 * a host name through DNS on every request before handling it (ForwardedProxyHandler), and it reads a bare
 * IPv6 address such as {@code ::1} as one: each request then waited on the resolver, some for its 5 s timeout.
 */
class TrustedProxiesTest {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}(/\\d{1,2})?");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/\\d{1,3}");

    @Test
    void everyTrustedProxyIsAnAddressOrCidrThatNeedsNoDnsLookup() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        List<String> entries = new ArrayList<>();
        settings.stringPropertyNames().stream().filter(name -> name.endsWith("quarkus.http.proxy.trusted-proxies"))
                .forEach(name -> entries.addAll(List.of(settings.getProperty(name).split(","))));
        assertFalse(entries.isEmpty(), "application.properties names the trusted proxies");
        for (String entry : entries) {
            String value = entry.strip();
            assertTrue(IPV4.matcher(value).matches() || IPV6_CIDR.matcher(value).matches(),
                    "'" + value + "' would be looked up in DNS on every request; write an IPv4 address or a CIDR");
        }
        assertEquals(List.of("127.0.0.1", "::1/128"), entries.stream().map(String::strip).toList());
    }

    @Test
    void aBareIpv6AddressIsRefused() {
        assertFalse(IPV6_CIDR.matcher("::1").matches());
        assertFalse(IPV4.matcher("proxy.internal").matches());
        assertTrue(IPV6_CIDR.matcher("fd00::/8").matches());
    }
}
