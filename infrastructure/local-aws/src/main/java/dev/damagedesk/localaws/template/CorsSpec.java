package dev.damagedesk.localaws.template;

import java.util.List;
import java.util.Optional;

/**
 * An HTTP API's {@code CorsConfiguration}.
 *
 * @param allowOrigins unresolved template values ({@code *} allows any origin)
 * @param maxAgeSeconds empty: no {@code Access-Control-Max-Age}
 */
public record CorsSpec(List<Object> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, boolean allowCredentials, Optional<Integer> maxAgeSeconds) {

    public CorsSpec {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** {@code CorsConfiguration: true}: SAM's "allow any origin". */
    public static CorsSpec allowAll() {
        return new CorsSpec(List.of("*"), List.of("*"), List.of("*"), List.of(), false, Optional.empty());
    }
}
