package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.report.ReportId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.damagedesk.domain.testing.ReportFixtures.IDENTITY_KEYS;
import static dev.damagedesk.domain.testing.ReportFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

class DuplicateRegistryTest {

    private static final String INCIDENT = "2022-10-15";
    private static final ReportId FIRST = id(1);
    private static final ReportId SECOND = id(2);
    private static final ReportId THIRD = id(3);
    private static final ReporterIdentity MINJI = new ReporterIdentity("minji@example.com", "+821012345678", null);

    private final InMemoryDuplicateRegistry registry = new InMemoryDuplicateRegistry();

    @Test
    void theFirstClaimFindsNothingAndLaterClaimsFindTheFirst() {
        assertThat(registry.claim(INCIDENT, "music", "email:a", FIRST)).isEmpty();
        assertThat(registry.claim(INCIDENT, "music", "email:a", SECOND)).contains(FIRST);
        assertThat(registry.claim(INCIDENT, "music", "email:a", THIRD)).contains(FIRST);
    }

    @Test
    void claimingAgainIsIdempotent() {
        registry.claim(INCIDENT, "music", "email:a", FIRST);
        registry.claim(INCIDENT, "music", "email:a", SECOND);

        assertThat(registry.claim(INCIDENT, "music", "email:a", FIRST)).isEmpty();
        assertThat(registry.claim(INCIDENT, "music", "email:a", SECOND)).contains(FIRST);
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void anotherServiceOrIncidentIsNoDuplicate() {
        registry.claim(INCIDENT, "music", "email:a", FIRST);

        assertThat(registry.claim(INCIDENT, "webtoon", "email:a", SECOND)).isEmpty();
        assertThat(registry.claim("2024-03-01", "music", "email:a", THIRD)).isEmpty();
    }

    @Test
    void anIdentityIsFoundByAnyOfItsKeys() {
        ReporterIdentity samePhoneOtherEmail = new ReporterIdentity("minji.work@example.com", "+821012345678", null);

        assertThat(registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(MINJI), FIRST)).isEmpty();
        assertThat(registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(samePhoneOtherEmail), SECOND)).contains(FIRST);
        // Redelivered, both get the same answers again.
        assertThat(registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(MINJI), FIRST)).isEmpty();
        assertThat(registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(samePhoneOtherEmail), SECOND)).contains(FIRST);
        // Every key is claimed, so a later report by the second email alone is linked too.
        ReporterIdentity secondEmailOnly = new ReporterIdentity("minji.work@example.com", null, null);
        assertThat(registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(secondEmailOnly), THIRD)).isPresent();
    }

    @Test
    void theEarliestKeyInOrderAnswersWhenKeysPointToDifferentReports() {
        registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(new ReporterIdentity("minji@example.com", null, null)), FIRST);
        registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(new ReporterIdentity("other@example.com", "+821012345678", null)), SECOND);

        assertThat(registry.claimAll(INCIDENT, "music", IDENTITY_KEYS.of(MINJI), THIRD)).contains(FIRST);
    }

    @Test
    void ofManyReportsClaimingAtOnceExactlyOneIsFirst() throws Exception {
        List<ReportId> ids = IntStream.range(0, 64).mapToObj(n -> id(100 + n)).toList();
        ConcurrentHashMap<ReportId, Optional<ReportId>> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<ReportId>>> claims = ids.stream().map(id -> pool.submit(() ->
                    answers.put(id, registry.claim(INCIDENT, "music", "email:a", id)))).toList();
            for (Future<Optional<ReportId>> claim : claims) {
                claim.get();
            }
        } finally {
            pool.shutdown();
        }

        List<ReportId> firsts = ids.stream().filter(id -> answers.get(id).isEmpty()).toList();
        assertThat(firsts).hasSize(1);
        assertThat(answers.values()).filteredOn(Optional::isPresent).extracting(Optional::get)
                .containsOnly(firsts.get(0));
    }
}
