package dev.damagedesk.admin.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staff member behind a request, from the claims API Gateway's JWT authorizer passes on (it has checked the
 * token's signature, issuer, audience and expiry before the function runs). {@code cognito:groups} arrives as
 * {@code "[viewer reviewer]"} or as a JSON array string; the highest staff group is the role.
 */
final class StaffClaims {

    private StaffClaims() {
    }

    /** Empty when the request carries no user or none of the staff groups. */
    static Optional<Actor> actorOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event);
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            return Optional.empty();
        }
        String name = Optional.ofNullable(claims.get("username")).or(() -> Optional.ofNullable(claims.get("cognito:username")))
                .or(() -> Optional.ofNullable(claims.get("email"))).orElse(sub);
        return StaffRole.highestOf(groups(claims.get("cognito:groups"))).map(role -> Actor.staff(sub, name, role));
    }

    static List<String> groups(String claim) {
        List<String> groups = new ArrayList<>();
        if (claim == null) {
            return groups;
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        for (String part : inner.split("[,\\s]+")) {
            String group = part.strip();
            if (group.length() >= 2 && group.startsWith("\"") && group.endsWith("\"")) {
                group = group.substring(1, group.length() - 1);
            }
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return groups;
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null
                || event.getRequestContext().getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }
}
