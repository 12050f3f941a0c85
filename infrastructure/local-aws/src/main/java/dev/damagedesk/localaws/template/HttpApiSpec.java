package dev.damagedesk.localaws.template;

import java.util.Map;
import java.util.Optional;

/**
 * The parts of an {@code AWS::Serverless::HttpApi} the local gateway enforces: its JWT authorizers, the default one,
 * and its CORS configuration.
 */
public record HttpApiSpec(String logicalId, Optional<String> defaultAuthorizer,
                          Map<String, JwtAuthorizerSpec> authorizers, Optional<CorsSpec> cors) {

    public HttpApiSpec {
        authorizers = TemplateMaps.unmodifiableCopy(authorizers);
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
