package dev.damagedesk.localruntime.gateway;

import dev.damagedesk.localaws.template.HttpRoute;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.util.List;
import java.util.Optional;

/**
 * A route of the HTTP API, the function its Lambda proxy integration invokes, and the JWT authorizer that guards it
 * (empty: an open route) with the route's {@code AuthorizationScopes}.
 */
public record RouteBinding(HttpRoute route, LambdaFunction function, Optional<JwtAuthorizer> authorizer,
                           List<String> scopes) {

    public RouteBinding {
        scopes = List.copyOf(scopes);
    }

    /** An open route. */
    public RouteBinding(HttpRoute route, LambdaFunction function) {
        this(route, function, Optional.empty(), List.of());
    }
}
