package dev.damagedesk.localruntime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWT authorizer's rules, one claim at a time, against a JWKS served over HTTP as an issuer serves it. */
class JwtAuthorizerTest {

    private static final String ISSUER = "https://issuer.example/pool";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private HttpServer jwks;
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private RSAKey key;
    private JwtAuthorizer authorizer;

    @BeforeEach
    void serveJwks() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("first").generate();
        published.set(new JWKSet(key.toPublicJWK()));
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        authorizer = new JwtAuthorizer("Test", ISSUER, List.of("client-a", "client-b"),
                URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).claim("client_id", "client-a").claim("token_use", "access")
                .subject("user-1").issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))))
                .claim("cognito:groups", List.of("reviewer", "viewer")).claim("scope", "aws.cognito.signin.user.admin");
    }

    private String sign(JWTClaimsSet.Builder claims, RSAKey signingKey) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private JwtAuthorizer.Decision decide(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return authorizer.authorize(Optional.of("Bearer " + sign(change.apply(valid()), key)), List.of());
    }

    @Test
    void aValidTokensClaimsArePassedAsStringsWithArraysInBrackets() throws Exception {
        JwtAuthorizer.Decision decision = decide(UnaryOperator.identity());

        assertThat(decision).isInstanceOfSatisfying(JwtAuthorizer.Allowed.class, allowed -> {
            assertThat(allowed.claims()).containsEntry("cognito:groups", "[reviewer viewer]")
                    .containsEntry("exp", Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()))
                    .containsEntry("client_id", "client-a").containsEntry("sub", "user-1");
            assertThat(allowed.scopes()).isNull();
        });
    }

    @Test
    void audienceIsAudWhenPresentElseClientId() throws Exception {
        assertThat(decide(claims -> claims.audience("client-b").claim("client_id", "other")))
                .isInstanceOf(JwtAuthorizer.Allowed.class);
        assertThat(decide(claims -> claims.audience("other").claim("client_id", "client-a")))
                .isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(decide(claims -> claims.claim("client_id", "other")))
                .isInstanceOf(JwtAuthorizer.Unauthorized.class);
    }

    @Test
    void eachTimeClaimIsChecked() throws Exception {
        assertThat(decide(claims -> claims.expirationTime(Date.from(NOW)))).isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(decide(claims -> claims.expirationTime(null))).isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(decide(claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(30)))))
                .isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(decide(claims -> claims.issueTime(Date.from(NOW.plusSeconds(30)))))
                .isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(decide(claims -> claims.notBeforeTime(Date.from(NOW.minusSeconds(30)))))
                .isInstanceOf(JwtAuthorizer.Allowed.class);
    }

    @Test
    void issuerAndTokenUseAreChecked() throws Exception {
        assertThat(decide(claims -> claims.issuer(ISSUER + "-other"))).isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(decide(claims -> claims.claim("token_use", "refresh"))).isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(decide(claims -> claims.claim("token_use", "id"))).isInstanceOf(JwtAuthorizer.Allowed.class);
    }

    @Test
    void aSymmetricOrUnsignedTokenIsRefused() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("first").build(), valid().build());
        hmac.sign(new MACSigner(new byte[32]));
        String unsigned = new com.nimbusds.jwt.PlainJWT(valid().build()).serialize();

        assertThat(authorizer.authorize(Optional.of(hmac.serialize()), List.of())).isInstanceOf(JwtAuthorizer.Unauthorized.class);
        assertThat(authorizer.authorize(Optional.of(unsigned), List.of())).isInstanceOf(JwtAuthorizer.Unauthorized.class);
    }

    @Test
    void theKeysAreCachedAndFetchedAgainWhenATokenNamesAnUnknownKid() throws Exception {
        assertThat(decide(UnaryOperator.identity())).isInstanceOf(JwtAuthorizer.Allowed.class);
        int afterFirst = fetches.get();
        assertThat(decide(UnaryOperator.identity())).isInstanceOf(JwtAuthorizer.Allowed.class);
        assertThat(decide(UnaryOperator.identity())).isInstanceOf(JwtAuthorizer.Allowed.class);
        System.out.println("JWKS fetches after 1, 3 tokens: " + afterFirst + ", " + fetches.get());
        assertThat(fetches.get()).as("cached").isEqualTo(afterFirst);

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("second").generate();
        published.set(new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK())));

        assertThat(authorizer.authorize(Optional.of(sign(valid(), rotated)), List.of()))
                .isInstanceOf(JwtAuthorizer.Allowed.class);
        assertThat(fetches.get()).as("fetched again for the unknown kid").isGreaterThan(afterFirst);
    }

    @Test
    void aRoutesScopesMustBeInTheTokenElse403() throws Exception {
        String token = sign(valid(), key);

        assertThat(authorizer.authorize(Optional.of(token), List.of("aws.cognito.signin.user.admin")))
                .isInstanceOfSatisfying(JwtAuthorizer.Allowed.class, allowed ->
                        assertThat(allowed.scopes()).containsExactly("aws.cognito.signin.user.admin"));
        assertThat(authorizer.authorize(Optional.of(token), List.of("admin/write")))
                .isInstanceOfSatisfying(JwtAuthorizer.Forbidden.class, forbidden ->
                        assertThat(forbidden.wwwAuthenticate()).contains("insufficient_scope"));
    }

    @Test
    void aMissingTokenIsUnauthorizedWithABareBearerChallenge() {
        assertThat(authorizer.authorize(Optional.empty(), List.of()))
                .isEqualTo(new JwtAuthorizer.Unauthorized("Bearer"));
        assertThat(authorizer.authorize(Optional.of("Bearer   "), List.of()))
                .isEqualTo(new JwtAuthorizer.Unauthorized("Bearer"));
    }
}
