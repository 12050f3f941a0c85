package dev.damagedesk.localaws.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.provision.StaffProvisioned.DemoUser;
import dev.damagedesk.localaws.template.UserPoolClientSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Tokens for end-to-end tests of the staff side. Real ones: a seeded demo user signs in to cognito-local
 * (InitiateAuth USER_PASSWORD_AUTH with the template's app client), exactly as the admin page does. Bad ones, each
 * wrong in one way only: a real token's claims re-signed with cognito-local's own key (which the package ships) with
 * an expiry in the past, another issuer or another audience; or signed with a key that is not the pool's (forged).
 */
public final class StaffTokens {

    /** The {@code kid} of cognito-local's one signing key. */
    public static final String COGNITO_LOCAL_KID = "CognitoLocal";

    private final LocalCloud cloud;
    private final String poolLogicalId;
    private final String clientId;
    private final RSAKey cognitoLocalKey;

    private StaffTokens(LocalCloud cloud, String poolLogicalId, String clientId, RSAKey cognitoLocalKey) {
        this.cloud = cloud;
        this.poolLogicalId = poolLogicalId;
        this.clientId = clientId;
        this.cognitoLocalKey = cognitoLocalKey;
    }

    /** For the template's first app client (the admin page's) and its pool. */
    public static StaffTokens of(LocalCloud cloud) {
        UserPoolClientSpec client = cloud.template().userPoolClients().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The template declares no AWS::Cognito::UserPoolClient"));
        return new StaffTokens(cloud, client.userPoolLogicalId(), cloud.resources().userPoolClientId(client.logicalId()),
                cognitoLocalKey(RepositoryRoot.find()));
    }

    /** The seeded demo account of a group ({@code viewer}, {@code reviewer}, {@code supervisor}). */
    public DemoUser demoUser(String group) {
        return cloud.resources().staff().demoUsers().stream()
                .filter(user -> user.userPoolLogicalId().equals(poolLogicalId) && user.group().equals(group))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No demo user in group " + group));
    }

    /** Signs a user in as the admin page does; id, access and refresh tokens. */
    public AuthenticationResultType signIn(String email, String password) {
        return cloud.aws().cognito().initiateAuth(request -> request.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .clientId(clientId).authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
                .authenticationResult();
    }

    /** A fresh access token of the group's demo user, from cognito-local. */
    public String accessToken(String group) {
        DemoUser user = demoUser(group);
        return signIn(user.email(), user.password()).accessToken();
    }

    /** A fresh id token of the group's demo user, from cognito-local. */
    public String idToken(String group) {
        DemoUser user = demoUser(group);
        return signIn(user.email(), user.password()).idToken();
    }

    /** A validly signed access token that expired a minute ago. */
    public String expiredAccessToken(String group) {
        Instant now = Instant.now();
        return resign(accessToken(group), claims -> claims.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(1)))), cognitoLocalKey);
    }

    /** A validly signed access token from another pool of the same cognito-local. */
    public String wrongIssuerAccessToken(String group) {
        String issuer = cloud.resources().issuer(poolLogicalId);
        return resign(accessToken(group), claims -> claims.issuer(issuer.substring(0, issuer.lastIndexOf('/'))
                + "/us-east-1_NotThePool"), cognitoLocalKey);
    }

    /** A validly signed access token issued to another app client. */
    public String wrongAudienceAccessToken(String group) {
        return resign(accessToken(group), claims -> claims.claim("client_id", "not-the-admin-page-client"),
                cognitoLocalKey);
    }

    /** A token whose claims are those of a real access token, signed by a key that is not the pool's (same kid). */
    public String forgedAccessToken(String group) {
        try {
            RSAKey forger = new RSAKeyGenerator(2048).keyID(COGNITO_LOCAL_KID).generate();
            return resign(accessToken(group), UnaryOperator.identity(), forger);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real access token's claims, changed by {@code change}, signed RS256 by {@code key} (kid of the key). */
    public static String resign(String token, UnaryOperator<JWTClaimsSet.Builder> change, RSAKey key) {
        try {
            JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet()))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot re-sign the token: " + e.getMessage(), e);
        }
    }

    public RSAKey cognitoLocalKey() {
        return cognitoLocalKey;
    }

    /** cognito-local's private signing key, from the installed package. */
    static RSAKey cognitoLocalKey(Path repositoryRoot) {
        Path file = repositoryRoot.resolve("infrastructure/emulators/node_modules/cognito-local/lib/keys/"
                + "cognitoLocal.private.json");
        try {
            Map<String, Object> json = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(
                    Files.readString(file, StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) json.get("jwk");
            return new RSAKey.Builder(JWK.parse(jwk).toRSAKey()).keyID(COGNITO_LOCAL_KID).build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read cognito-local's signing key " + file + ": " + e.getMessage(), e);
        }
    }
}
