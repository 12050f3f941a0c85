package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.report.Reporter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityKeysTest {

    private static final byte[] SECRET = "a test secret of forty-two bytes, or so..".getBytes(StandardCharsets.UTF_8);
    private static final IdentityKeys KEYS = IdentityKeys.fromSecret(SECRET);
    private static final ReporterIdentity MINJI = new ReporterIdentity("minji@example.com", "+821012345678", "shop-1");

    @Test
    void theSameValueUnderTheSameSecretHasTheSameKey() {
        IdentityKeys again = IdentityKeys.fromSecret(SECRET.clone());

        assertThat(again.of(MINJI)).isEqualTo(KEYS.of(MINJI));
        assertThat(again.emailKey("minji@example.com")).isEqualTo(KEYS.emailKey("minji@example.com"));
    }

    @Test
    void anotherSecretMakesOtherKeys() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        List<String> underOther = IdentityKeys.fromSecret(other).of(MINJI);

        for (int i = 0; i < 3; i++) {
            assertThat(underOther.get(i)).isNotEqualTo(KEYS.of(MINJI).get(i));
        }
    }

    @Test
    void aKeyIsTheKeyedHmacOfTheVersionedDomainKindAndValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                "damagedesk-identity/v2:phone:+821012345678".getBytes(StandardCharsets.UTF_8)));

        assertThat(KEYS.of(MINJI).get(1)).isEqualTo("phone:" + expected);
    }

    @Test
    void noKeyContainsThePlainSha256OfItsValueNorTheOldV1Key() throws Exception {
        for (String[] kindAndValue : new String[][] {
                {"email", "minji@example.com"}, {"phone", "+821012345678"}, {"account", "shop-1"}}) {
            String plain = sha256(kindAndValue[1]);
            String v1 = sha256("damagedesk-identity/v1:" + kindAndValue[0] + ":" + kindAndValue[1]);
            assertThat(String.join(" ", KEYS.of(MINJI))).doesNotContain(plain).doesNotContain(v1)
                    .doesNotContain(kindAndValue[1]);
        }
        assertThat(String.join(" ", KEYS.of(MINJI))).doesNotContain("minji").doesNotContain("1234")
                .doesNotContain("shop");
    }

    @Test
    void keysAreByKindInTheOrderEmailPhoneAccount() {
        List<String> keys = KEYS.of(MINJI);

        assertThat(keys).hasSize(3);
        assertThat(keys.get(0)).matches("email:[0-9a-f]{64}");
        assertThat(keys.get(1)).matches("phone:[0-9a-f]{64}");
        assertThat(keys.get(2)).matches("account:[0-9a-f]{64}");
        assertThat(KEYS.of(new ReporterIdentity("jun@example.com", null, null))).singleElement().asString()
                .startsWith("email:");
    }

    @Test
    void normalisationStillAppliesBeforeTheHmac() {
        ReporterIdentity writtenOneWay = ReporterIdentity.of(
                new Reporter("Kim Minji", "Minji+Fire@Example.com", "010-1234-5678", " Shop-1 "));
        ReporterIdentity writtenAnother = ReporterIdentity.of(
                new Reporter("김민지", "minji@example.com", "+82 (0)10 1234 5678", "shop-1"));

        assertThat(KEYS.of(writtenOneWay)).isEqualTo(KEYS.of(writtenAnother)).isEqualTo(KEYS.of(MINJI));
        assertThat(KEYS.emailKey(" MINJI+outage@example.com")).isEqualTo(KEYS.of(MINJI).get(0));
        assertThat(KEYS.phoneKey("010 1234 5678")).contains(KEYS.of(MINJI).get(1));
        assertThat(KEYS.phoneKey("12345")).isEmpty();
    }

    @Test
    void differentPeopleHaveDifferentKeysAndAKindNeverCollidesWithAnother() {
        ReporterIdentity minji = new ReporterIdentity("minji@example.com", null, "x");
        ReporterIdentity jun = new ReporterIdentity("jun@example.com", null, null);
        // An account reference that reads like an email is still an account key.
        ReporterIdentity tricky = new ReporterIdentity("someone@example.com", null, "minji@example.com");

        assertThat(KEYS.of(minji).get(0)).isNotEqualTo(KEYS.of(jun).get(0));
        assertThat(KEYS.of(tricky)).doesNotContain(KEYS.of(minji).get(0));
    }

    @Test
    void aMissingOrShortSecretIsRefused() {
        assertThatThrownBy(() -> IdentityKeys.fromSecret(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> IdentityKeys.fromSecret(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 31");
    }

    @Test
    void theSecretIsCopiedAndNeverShown() {
        byte[] secret = SECRET.clone();
        IdentityKeys keys = IdentityKeys.fromSecret(secret);
        List<String> before = keys.of(MINJI);
        secret[0] ^= 1;

        assertThat(keys.of(MINJI)).isEqualTo(before);
        assertThat(keys.toString()).doesNotContain(new String(SECRET, StandardCharsets.UTF_8).substring(0, 8));
    }

    @Test
    void ephemeralKeysDifferFromRunToRun() {
        assertThat(IdentityKeys.ephemeral().of(MINJI)).isNotEqualTo(IdentityKeys.ephemeral().of(MINJI));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aClientAddressIsKeyedUnderTheSecretToo() {
        IdentityKeys keys = IdentityKeys.fromSecret(new byte[32]);
        IdentityKeys other = IdentityKeys.fromSecret(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

        assertThat(keys.clientKey(" 203.0.113.7 ")).isEqualTo(keys.clientKey("203.0.113.7"))
                .startsWith("address:").doesNotContain("203.0.113.7")
                .isNotEqualTo(other.clientKey("203.0.113.7"));
    }
}
