package dev.damagedesk.localaws.template;

import java.util.List;
import java.util.Optional;

/**
 * An {@code HttpApi} event's {@code Auth}: which authorizer guards the route.
 *
 * @param authorizer empty for the API's {@code DefaultAuthorizer} (none when the API has none), {@link #NONE} for an
 *                   open route, else the name of one of the API's {@code Authorizers}
 * @param scopes     {@code AuthorizationScopes}: the token's {@code scope} claim must carry one of them
 */
public record RouteAuth(Optional<String> authorizer, List<String> scopes) {

    public static final String NONE = "NONE";
    public static final RouteAuth DEFAULT = new RouteAuth(Optional.empty(), List.of());

    public RouteAuth {
        scopes = List.copyOf(scopes);
    }
}
