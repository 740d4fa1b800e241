package com.slaledger.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library would tidy up: a raw request line (a
 * {@code ;} in the path), a chosen local address (a caller that is not a trusted proxy), and a hard
 * time limit for the answer.
 */
public final class RawHttp {

    /** The status line, the headers (names in lower case; repeated ones joined by "\n") and the body. */
    public record Answer(String statusLine, Map<String, String> headers, String body) {

        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends the request (its head is the given lines, each without CRLF; a Host and Connection: close are
     * added) from {@code localAddress} to 127.0.0.1:port and reads the whole answer.
     *
     * @throws AssertionError when no complete answer arrives within the timeout
     */
    public static Answer send(String localAddress, int port, Duration timeout, String requestLine, String... headers) {
        return sendWithBody(localAddress, port, timeout, requestLine, "", headers);
    }

    /** As {@link #send}, with a body (the caller adds Content-Type and Content-Length headers). */
    public static Answer sendWithBody(String localAddress, int port, Duration timeout, String requestLine, String body,
            String... headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder request = new StringBuilder(requestLine).append("\r\n")
                    .append("Host: localhost:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n").append(body);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no complete answer to '" + requestLine + "' within " + timeout);
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no complete answer to '" + requestLine + "' within " + timeout
                        + "; received: " + received.toString(StandardCharsets.UTF_8));
            }
            return parse(received.toString(StandardCharsets.UTF_8), requestLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(String raw, String requestLine) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no HTTP answer to '" + requestLine + "': " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + "\n" + b);
        }
        return new Answer(lines[0], headers, raw.substring(end + 4));
    }
}
