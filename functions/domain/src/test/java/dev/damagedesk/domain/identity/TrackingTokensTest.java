package dev.damagedesk.domain.identity;

import dev.damagedesk.domain.report.ReportId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingTokensTest {

    private static final ReportId ID = new ReportId("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    private static final ReportId OTHER_ID = new ReportId("01ARZ3NDEKTSV4RRFFQ69G5FAW");

    /** Bytes 0..31, so the expected values below can be recomputed with any HMAC tool. */
    private static byte[] secret() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) i;
        }
        return secret;
    }

    private final TrackingTokens tokens = new TrackingTokens(secret());

    @Test
    void issuesTheHmacOfTheIdAsUnpaddedBase64Url() {
        // python3: base64.urlsafe_b64encode(hmac.new(bytes(range(32)),
        //   b"tracking-token/v1:01ARZ3NDEKTSV4RRFFQ69G5FAV", hashlib.sha256).digest()).rstrip(b"=")
        assertThat(tokens.issue(ID)).isEqualTo("i5d-N8cSL54k-5gII3yqEXQ7w_CSCnoTd5aB-dghswc");
    }

    @Test
    void tokensAreUrlSafe() {
        assertThat(tokens.issue(OTHER_ID)).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void recognisesItsOwnTokens() {
        String token = tokens.issue(ID);

        assertThat(tokens.isIssuedFor(ID, token)).isTrue();
        assertThat(new TrackingTokens(secret()).isIssuedFor(ID, token)).isTrue();
    }

    @Test
    void aTokenOpensOnlyItsOwnReport() {
        assertThat(tokens.isIssuedFor(OTHER_ID, tokens.issue(ID))).isFalse();
        assertThat(tokens.issue(OTHER_ID)).isNotEqualTo(tokens.issue(ID));
    }

    @Test
    void aTokenFromAnotherSecretIsRejected() {
        byte[] otherSecret = secret();
        otherSecret[0] = 99;

        assertThat(tokens.isIssuedFor(ID, new TrackingTokens(otherSecret).issue(ID))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "i5d-N8cSL54k-5gII3yqEXQ7w_CSCnoTd5aB-dghsw", "i5d-N8cSL54k-5gII3yqEXQ7w_CSCnoTd5aB-dghswc=",
            "I5d-N8cSL54k-5gII3yqEXQ7w_CSCnoTd5aB-dghswc", "i5d-N8cSL54k-5gII3yqEXQ7w_CSCnoTd5aB-dghswd"})
    void nearMissesAreRejected(String token) {
        assertThat(tokens.isIssuedFor(ID, token)).isFalse();
    }

    @Test
    void nullsAreRejectedNotThrown() {
        assertThat(tokens.isIssuedFor(ID, null)).isFalse();
        assertThat(tokens.isIssuedFor(null, "token")).isFalse();
    }

    @Test
    void theSecretMustBeAtLeast32Bytes() {
        assertThatThrownBy(() -> new TrackingTokens(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackingTokens(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void changingTheCallersArrayDoesNotChangeTheSecret() {
        byte[] secret = secret();
        TrackingTokens fromArray = new TrackingTokens(secret);
        Arrays.fill(secret, (byte) 0);

        assertThat(fromArray.issue(ID)).isEqualTo(tokens.issue(ID));
    }

    @Test
    void hashesAreLowerCaseHexSha256() {
        assertThat(TrackingTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TrackingTokens.hash(tokens.issue(ID)))
                .isEqualTo("0841a89b767005e6ee84785efa634da2029b11ba64da0937d2df8aec2b139e5e");
    }

    @Test
    void aTokenMatchesItsStoredHash() {
        String token = tokens.issue(ID);
        String stored = TrackingTokens.hash(token);

        assertThat(TrackingTokens.matchesHash(token, stored)).isTrue();
        assertThat(TrackingTokens.matchesHash(tokens.issue(OTHER_ID), stored)).isFalse();
        assertThat(TrackingTokens.matchesHash(token, stored.toUpperCase())).isFalse();
        assertThat(TrackingTokens.matchesHash(token, stored.substring(1))).isFalse();
    }

    @Test
    void matchingNullsIsFalseNotAnError() {
        assertThat(TrackingTokens.matchesHash(null, TrackingTokens.hash("x"))).isFalse();
        assertThat(TrackingTokens.matchesHash("x", null)).isFalse();
        assertThat(TrackingTokens.matchesHash(null, null)).isFalse();
    }
}
