package dev.damagedesk.localruntime.gateway;

import java.util.List;
import java.util.Map;

/**
 * What the gateway received, before it becomes an event.
 *
 * @param headers    header names as received, each with all its values in order
 * @param sourceIp   the client's address
 * @param protocol   e.g. {@code HTTP/1.1}
 */
record HttpApiRequest(
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        int localPort,
        String protocol) {
}
