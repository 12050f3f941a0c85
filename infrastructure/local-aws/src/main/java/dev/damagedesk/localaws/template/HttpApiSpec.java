package dev.damagedesk.localaws.template;

import java.util.Map;
import java.util.Optional;

/**
 * The parts of an {@code AWS::Serverless::HttpApi} the local gateway enforces: its JWT authorizers, the default one,
 * its CORS configuration, and its route throttles ({@code DefaultRouteSettings}, {@code RouteSettings} by route key).
 */
public record HttpApiSpec(String logicalId, Optional<String> defaultAuthorizer,
                          Map<String, JwtAuthorizerSpec> authorizers, Optional<CorsSpec> cors,
                          Optional<RouteThrottleSpec> defaultThrottle, Map<String, RouteThrottleSpec> routeThrottles) {

    public HttpApiSpec {
        authorizers = TemplateMaps.unmodifiableCopy(authorizers);
        routeThrottles = TemplateMaps.unmodifiableCopy(routeThrottles);
    }

    /** An API without throttles. */
    public HttpApiSpec(String logicalId, Optional<String> defaultAuthorizer, Map<String, JwtAuthorizerSpec> authorizers,
                       Optional<CorsSpec> cors) {
        this(logicalId, defaultAuthorizer, authorizers, cors, Optional.empty(), Map.of());
    }

    public static HttpApiSpec open(String logicalId) {
        return new HttpApiSpec(logicalId, Optional.empty(), Map.of(), Optional.empty());
    }

    /** The authorizer guarding a route of this API; empty when the route is open. */
    public Optional<JwtAuthorizerSpec> authorizerFor(HttpRoute route) {
        Optional<String> name = route.auth().authorizer().or(() -> defaultAuthorizer);
        return name.filter(n -> !RouteAuth.NONE.equals(n)).map(authorizers::get);
    }
}
