package dev.damagedesk.localruntime.gateway;

import com.fasterxml.jackson.jr.ob.JSON;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An HTTP API JWT authorizer, as API Gateway runs one: the token from the {@code Authorization} header (bare or after
 * {@code Bearer }), an RSA signature checked against the issuer's JWKS (cached; fetched again when a token names an
 * unknown {@code kid}), then the claims: {@code iss} equal to the configured issuer, {@code aud} in the audience list
 * or, only when there is no {@code aud}, {@code client_id}; {@code exp} in the future, {@code nbf} and {@code iat} not;
 * and the route's scopes, one of which {@code scope} must carry. Locally also {@code token_use}, when present, must be
 * {@code access} or {@code id} (Cognito's refresh tokens are no bearer tokens).
 */
public final class JwtAuthorizer {

    /** What the authorizer decided. */
    public sealed interface Decision {
    }

    /** Let through, with what API Gateway passes the function in {@code requestContext.authorizer.jwt}. */
    public record Allowed(Map<String, String> claims, List<String> scopes) implements Decision {
    }

    /** 401, with the {@code www-authenticate} header API Gateway sends. */
    public record Unauthorized(String wwwAuthenticate) implements Decision {
    }

    /** 403: a valid token without any of the route's scopes. */
    public record Forbidden(String wwwAuthenticate) implements Decision {
    }

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private final String name;
    private final String issuer;
    private final Set<String> audience;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor;

    /**
     * @param jwksUri where the issuer's keys are ({@code <issuer>/.well-known/jwks.json} for Cognito)
     */
    public JwtAuthorizer(String name, String issuer, List<String> audience, URI jwksUri, Clock clock) {
        this.name = name;
        this.issuer = issuer;
        this.audience = Set.copyOf(audience);
        this.clock = clock;
        JWKSource<SecurityContext> keys;
        try {
            // cached; a kid the cached set lacks makes it fetch the set again (rate-limited)
            // timeouts above nimbus's 500 ms defaults: a busy machine must not turn a valid token into a 401
            keys = JWKSourceBuilder.create(jwksUri.toURL(),
                    new com.nimbusds.jose.util.DefaultResourceRetriever(5_000, 5_000, 64 * 1024))
                    .retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("JWKS URI " + jwksUri + " is not a URL", e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(RSA_ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> verify(claims));
    }

    public String name() {
        return name;
    }

    public String issuer() {
        return issuer;
    }

    public Set<String> audience() {
        return audience;
    }

    /**
     * @param authorization the {@code Authorization} header, empty when the request has none
     * @param routeScopes   the route's {@code AuthorizationScopes}; empty for none
     */
    public Decision authorize(Optional<String> authorization, List<String> routeScopes) {
        String token = authorization.map(String::trim).orElse("");
        if (token.equalsIgnoreCase("Bearer")) {
            token = "";
        } else if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        if (token.isEmpty()) {
            return new Unauthorized("Bearer");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (java.text.ParseException e) {
            return invalid("the token is not a JWT");
        } catch (BadJWTException e) {
            return invalid(e.getMessage());
        } catch (BadJOSEException e) {
            return invalid("signature verification failed");
        } catch (com.nimbusds.jose.JOSEException e) {
            return invalid("cannot verify the token: " + e.getMessage());
        }
        List<String> tokenScopes = scopes(claims);
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(tokenScopes::contains)) {
            return new Forbidden("Bearer scope=\"" + String.join(" ", routeScopes)
                    + "\" error=\"insufficient_scope\" error_description=\"expected scopes: "
                    + String.join(" ", routeScopes) + "\"");
        }
        return new Allowed(apiGatewayClaims(claims), routeScopes.isEmpty() ? null : tokenScopes);
    }

    private static Unauthorized invalid(String description) {
        return new Unauthorized("Bearer scope=\"\" error=\"invalid_token\" error_description=\""
                + description.replace('"', '\'') + "\"");
    }

    private void verify(JWTClaimsSet claims) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("the token does not have a valid issuer");
        }
        List<String> aud = claims.getAudience();
        boolean audienceMatches;
        if (aud != null && !aud.isEmpty()) {
            audienceMatches = aud.stream().anyMatch(audience::contains);
        } else {
            Object clientId = claims.getClaim("client_id");
            audienceMatches = clientId instanceof String id && audience.contains(id);
        }
        if (!audienceMatches) {
            throw new BadJWTException("the token does not have a valid audience");
        }
        Date now = Date.from(clock.instant());
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)) {
            throw new BadJWTException("the token has expired");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            throw new BadJWTException("the token is not valid yet");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().after(now)) {
            throw new BadJWTException("the token was issued in the future");
        }
        Object use = claims.getClaim("token_use");
        if (use != null && !"access".equals(use) && !"id".equals(use)) {
            throw new BadJWTException("the token is not an access or id token");
        }
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (scope instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /**
     * The claims as API Gateway passes them: every value a string; numbers as written, arrays as {@code [a b]}
     * (elements joined by spaces in brackets), objects as JSON text.
     */
    static Map<String, String> apiGatewayClaims(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.toJSONObject().forEach((key, value) -> strings.put(key, claimText(value)));
        return strings;
    }

    private static String claimText(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(JwtAuthorizer::claimText).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return JSON.std.asString(map);
            } catch (IOException e) {
                return String.valueOf(map);
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return "JwtAuthorizer[" + name + ", issuer " + issuer + ", audience " + audience + "]";
    }

    /** Cognito's JWKS of an issuer; a {@code localhost} issuer is fetched from 127.0.0.1, where cognito-local listens. */
    public static URI cognitoJwksUri(String issuer) {
        URI uri = URI.create(issuer + "/.well-known/jwks.json");
        if ("localhost".equals(uri.getHost().toLowerCase(Locale.ROOT))) {
            return URI.create(uri.getScheme() + "://127.0.0.1:" + uri.getPort() + uri.getRawPath());
        }
        return uri;
    }
}
