package dev.damagedesk.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.intake.SubmissionLimits.Subject;
import dev.damagedesk.application.intake.SubmissionLimits.Verdict;
import dev.damagedesk.application.memory.InMemorySubmissionCounters;
import dev.damagedesk.application.memory.ManualClock;
import dev.damagedesk.domain.report.Reporter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-client and per-contact limits over in-memory counters, on a clock the test moves. */
class SubmissionLimitsTest {

    /** 20 s into a minute, 10 min 20 s into an hour. */
    private static final Instant START = Instant.parse("2022-10-15T07:10:20Z");
    private static final Optional<String> CLIENT = Optional.of("203.0.113.7");

    private final ManualClock clock = new ManualClock(START);
    private final InMemorySubmissionCounters counters = new InMemorySubmissionCounters();

    private SubmissionLimits limits(int perContactPerHour, int perClientPerMinute) {
        return new SubmissionLimits(counters, new SubmissionLimits.Settings(perContactPerHour, perClientPerMinute), clock,
                dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS);
    }

    private static Reporter reporter(String email, String phone) {
        return new Reporter("김민지", email, phone, null);
    }

    @Test
    void aClientOverItsLimitIsRefusedUntilItsMinuteEndsThenAdmittedAgain() {
        SubmissionLimits limits = limits(0, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit(CLIENT, reporter("r" + i + "@example.com", null)))
                    .isEqualTo(new Verdict.Admitted(false));
        }

        Verdict fourth = limits.admit(CLIENT, reporter("r4@example.com", null));

        assertThat(fourth).isEqualTo(new Verdict.Limited(Subject.CLIENT, 3, Duration.ofSeconds(40)));
        assertThat(limits.admit(Optional.of("203.0.113.8"), reporter("r5@example.com", null)))
                .as("another client").isInstanceOf(Verdict.Admitted.class);
        clock.advance(Duration.ofSeconds(39).plusMillis(500));
        assertThat(limits.admit(CLIENT, reporter("r6@example.com", null)))
                .as("half a second before the minute ends: Retry-After rounds up")
                .isEqualTo(new Verdict.Limited(Subject.CLIENT, 3, Duration.ofSeconds(1)));
        clock.advance(Duration.ofMillis(500));
        assertThat(limits.admit(CLIENT, reporter("r7@example.com", null))).isInstanceOf(Verdict.Admitted.class);
    }

    @Test
    void aContactIsCountedByItsNormalisedEmailAndByItsPhoneEachOnItsOwnForAnHour() {
        SubmissionLimits limits = limits(2, 0);
        assertThat(limits.admit(CLIENT, reporter("Minji@Example.com", "010-1234-5678"))).isInstanceOf(Verdict.Admitted.class);
        assertThat(limits.admit(CLIENT, reporter(" minji+outage@example.com", null))).isInstanceOf(Verdict.Admitted.class);

        assertThat(limits.admit(CLIENT, reporter("minji@example.com", null)))
                .as("the same address, however written").isEqualTo(
                        new Verdict.Limited(Subject.EMAIL, 2, Duration.ofMinutes(49).plusSeconds(40)));
        assertThat(limits.admit(CLIENT, reporter("other@example.com", "+82 10 1234 5678")))
                .as("another address, the same phone: its second").isInstanceOf(Verdict.Admitted.class);
        assertThat(limits.admit(CLIENT, reporter("third@example.com", "01012345678")))
                .as("the same phone a third time").isEqualTo(
                        new Verdict.Limited(Subject.PHONE, 2, Duration.ofMinutes(49).plusSeconds(40)));

        clock.advance(Duration.ofMinutes(49).plusSeconds(40));
        assertThat(limits.admit(CLIENT, reporter("minji@example.com", "010-1234-5678")))
                .as("the next hour").isInstanceOf(Verdict.Admitted.class);
    }

    @Test
    void noCounterHoldsAPlainContactOrAddressAndEachExpiresAWindowAfterItsOwn() {
        limits(5, 5).admit(CLIENT, reporter("minji@example.com", "010-1234-5678"));

        assertThat(counters.counts()).hasSize(3);
        assertThat(counters.counts().keySet()).allSatisfy(key -> assertThat(key)
                .doesNotContain("minji", "example.com", "1234", "5678", "203.0.113")
                .matches("(client#address|contact#email|contact#phone):[0-9a-f]{64}#[0-9]+"));
        String clientKey = counters.counts().keySet().stream().filter(key -> key.startsWith("client#")).findFirst().orElseThrow();
        assertThat(clientKey).endsWith("#" + Instant.parse("2022-10-15T07:10:00Z").getEpochSecond());
        assertThat(counters.expiryOf(clientKey)).isEqualTo(Instant.parse("2022-10-15T07:12:00Z"));
        String emailKey = counters.counts().keySet().stream().filter(key -> key.startsWith("contact#email")).findFirst().orElseThrow();
        assertThat(emailKey).endsWith("#" + Instant.parse("2022-10-15T07:00:00Z").getEpochSecond());
        assertThat(counters.expiryOf(emailKey)).isEqualTo(Instant.parse("2022-10-15T09:00:00Z"));
    }

    @Test
    void aClientRefusedForItsAddressUsesUpNothingOfItsReportersAllowance() {
        SubmissionLimits limits = limits(2, 1);
        assertThat(limits.admit(CLIENT, reporter("minji@example.com", null))).isInstanceOf(Verdict.Admitted.class);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.admit(CLIENT, reporter("minji@example.com", null))).extracting("subject").isEqualTo(Subject.CLIENT);
        }

        assertThat(limits.admit(Optional.of("198.51.100.1"), reporter("minji@example.com", null)))
                .as("from another client: the address's second report this hour").isInstanceOf(Verdict.Admitted.class);
    }

    @Test
    void aSubjectOverItsLimitIsRefusedFromMemoryWithoutAnotherWrite() {
        SubmissionLimits limits = limits(0, 2);
        for (int i = 0; i < 3; i++) {
            limits.admit(CLIENT, reporter("a@example.com", null));
        }
        for (int i = 0; i < 50; i++) {
            assertThat(limits.admit(CLIENT, reporter("a@example.com", null))).isInstanceOf(Verdict.Limited.class);
        }

        assertThat(counters.counts().values()).containsExactly(3L);
    }

    @Test
    void countersThatFailAreTakenAsUnderTheLimitFailOpenAndSaySo() {
        SubmissionLimits limits = limits(1, 1);
        limits.admit(CLIENT, reporter("minji@example.com", null));
        counters.failing(true);

        assertThat(limits.admit(CLIENT, reporter("minji@example.com", null))).isEqualTo(new Verdict.Admitted(true));

        counters.failing(false);
        assertThat(limits.admit(CLIENT, reporter("minji@example.com", null)))
                .as("counted again once the counters answer").isInstanceOf(Verdict.Limited.class);
    }

    @Test
    void aLimitOfZeroIsOffAndAnUnknownClientIsNotLimited() {
        SubmissionLimits off = new SubmissionLimits(counters, SubmissionLimits.Settings.OFF, clock,
                dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS);
        for (int i = 0; i < 100; i++) {
            assertThat(off.admit(CLIENT, reporter("minji@example.com", "010-1234-5678"))).isInstanceOf(Verdict.Admitted.class);
        }
        assertThat(counters.counts()).isEmpty();

        SubmissionLimits perClient = limits(0, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(perClient.admit(Optional.empty(), reporter("minji@example.com", null))).isInstanceOf(Verdict.Admitted.class);
        }
        assertThat(counters.counts()).isEmpty();
    }
}
