package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.report.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReporterIdentityTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "minji@example.com            | minji@example.com",
            "Minji@Example.COM            | minji@example.com",
            "  minji@example.com\t        | minji@example.com",
            "minji+outage@example.com     | minji@example.com",
            "MINJI+Outage+2@example.com   | minji@example.com",
            "+tag@example.com             | +tag@example.com",
            "min.ji@example.com           | min.ji@example.com",
            "minji@sub+domain.example.com | minji@sub+domain.example.com",
    })
    void emails(String email, String normalised) {
        assertThat(ReporterIdentity.normaliseEmail(email)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "010-1234-5678         | +821012345678",
            "01012345678           | +821012345678",
            "010 1234 5678         | +821012345678",
            "(010) 1234-5678       | +821012345678",
            "+82 10-1234-5678      | +821012345678",
            "+82-10-1234-5678      | +821012345678",
            "+82 (0)10 1234 5678   | +821012345678",
            "0082 10 1234 5678     | +821012345678",
            "821012345678          | +821012345678",
            "02-312-3456           | +8223123456",
            "+1 (415) 555-0100     | +14155550100",
            "001 415 555 0100      | +14155550100",
    })
    void phones(String phone, String normalised) {
        assertThat(ReporterIdentity.normalisePhone(phone)).contains(normalised);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "n/a", "123456", "+82"})
    void noUsablePhone(String phone) {
        assertThat(ReporterIdentity.normalisePhone(phone)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "shop-4411      | shop-4411",
            "  Shop-4411    | shop-4411",
            "SHOP-4411\t    | shop-4411",
    })
    void accountRefs(String accountRef, String normalised) {
        assertThat(ReporterIdentity.normaliseAccountRef(accountRef)).contains(normalised);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noAccountRef(String accountRef) {
        assertThat(ReporterIdentity.normaliseAccountRef(accountRef)).isEmpty();
    }

    @Test
    void theSameReporterWrittenTwoWaysIsOneIdentity() {
        ReporterIdentity one = ReporterIdentity.of(new Reporter("Kim Minji", "Minji+Fire@Example.com", "010-1234-5678", " Shop-1 "));
        ReporterIdentity other = ReporterIdentity.of(new Reporter("김민지", "minji@example.com", "+82 10 1234 5678", "shop-1"));

        assertThat(one).isEqualTo(new ReporterIdentity("minji@example.com", "+821012345678", "shop-1"));
        assertThat(other).isEqualTo(one);
    }

    @Test
    void onlyTheEmailWhenThereIsNoPhoneOrAccount() {
        ReporterIdentity identity = ReporterIdentity.of(new Reporter("Lee Jun", "jun@example.com", null, null));

        assertThat(identity.phone()).isNull();
        assertThat(identity.accountRef()).isNull();
    }

    @Test
    void itsTextCarriesNoContact() {
        ReporterIdentity identity = new ReporterIdentity("minji@example.com", "+821012345678", "shop-1");

        assertThat(identity.toString()).doesNotContain("minji").doesNotContain("1234").doesNotContain("shop");
    }
}
