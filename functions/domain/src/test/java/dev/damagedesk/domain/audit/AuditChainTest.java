package dev.damagedesk.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.testing.ReportFixtures;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final ReportId ID = new ReportId("01GFNPZ5Y0ABCDEFGHJKMNPQRS");
    private static final Instant AT = Instant.parse("2022-10-19T01:00:00Z");
    private static final Actor PROCESSOR = Actor.function("ProcessorFunction");
    private static final Actor REVIEWER = Actor.staff("sub-1", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    private static final AuditState REVIEW = new AuditState(ReportStatus.NEEDS_REVIEW, Outcome.MANUAL_REVIEW,
            "free-service.proof-required", "2022-10-15/v1", 0, 0, null);
    private static final AuditState APPROVED = new AuditState(ReportStatus.APPROVED, Outcome.PAYMENT,
            "free-service.proof-required", "2022-10-15/v1", 30_000, 0, null);
    private static final AuditState REJECTED = new AuditState(ReportStatus.REJECTED, Outcome.NO_PAYMENT,
            "free-service.proof-required", "2022-10-15/v1", 0, 0, null);

    /** Three entries: scored, approved with an adjusted amount, rejected on a dispute... as a chain. */
    private static List<AuditEntry> chain() {
        AuditEntry scored = AuditChain.first(ID, AT, PROCESSOR, AuditAction.SCORED, REVIEW, null, null);
        AuditEntry adjusted = AuditChain.next(scored, AT.plusSeconds(60), REVIEWER, AuditAction.AMOUNT_ADJUSTED,
                REVIEW, APPROVED, "receipt shows 30,000 KRW \"taxi\" fares\n줄바꿈", null);
        AuditEntry rejected = AuditChain.next(adjusted, AT.plusSeconds(120), REVIEWER, AuditAction.REJECTED,
                APPROVED, REJECTED, "fraud", "mediation case 7");
        return List.of(scored, adjusted, rejected);
    }

    @Test
    void entriesAreNumberedAndLinkedByThePreviousHash() {
        List<AuditEntry> chain = chain();

        assertThat(chain).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(0).previousHash()).isEmpty();
        assertThat(chain.get(0).before()).isNull();
        assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
        assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
        assertThat(chain).extracting(AuditEntry::hash).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        assertThat(AuditChain.verify(chain)).isEqualTo(new AuditChain.Verification(true, null, null, null));
    }

    @Test
    void theCanonicalFormIsFixedAsciiJsonWithThePreviousHash() {
        AuditEntry scored = chain().get(0);

        assertThat(AuditChain.canonicalForm(scored)).isEqualTo("{\"reportId\":\"01GFNPZ5Y0ABCDEFGHJKMNPQRS\","
                + "\"sequence\":1,\"at\":\"2022-10-19T01:00:00Z\",\"actor\":{\"kind\":\"FUNCTION\","
                + "\"id\":\"ProcessorFunction\",\"name\":\"ProcessorFunction\",\"role\":null},\"action\":\"SCORED\","
                + "\"before\":null,\"after\":{\"status\":\"NEEDS_REVIEW\",\"outcome\":\"MANUAL_REVIEW\","
                + "\"ruleId\":\"free-service.proof-required\",\"policyVersion\":\"2022-10-15/v1\",\"amountKrw\":0,"
                + "\"extensionMinutes\":0,\"duplicateOf\":null},\"reason\":null,\"detail\":null,\"previousHash\":\"\"}");
        // Korean and quotes are escaped, so the hashed bytes are plain ASCII.
        assertThat(AuditChain.canonicalForm(chain().get(1)))
                .contains("\"reason\":\"receipt shows 30,000 KRW \\\"taxi\\\" fares\\n\\uc904\\ubc14\\uafc8\"")
                .contains("\"role\":\"reviewer\"")
                .matches("\\p{ASCII}*");
        // A known digest of the form above, computed independently (sha256sum), pins the algorithm.
        assertThat(scored.hash()).isEqualTo(sha256(AuditChain.canonicalForm(scored)));
    }

    @Test
    void anEditedEntryIsNamedByItsHash() {
        List<AuditEntry> chain = new ArrayList<>(chain());
        AuditEntry adjusted = chain.get(1);
        AuditState moreMoney = new AuditState(ReportStatus.APPROVED, Outcome.PAYMENT, "free-service.proof-required",
                "2022-10-15/v1", 3_000_000, 0, null);
        chain.set(1, new AuditEntry(ID, 2, adjusted.at(), adjusted.actor(), adjusted.action(), adjusted.before(),
                moreMoney, adjusted.reason(), adjusted.detail(), adjusted.previousHash(), adjusted.hash()));

        AuditChain.Verification check = AuditChain.verify(chain);

        assertThat(check.intact()).isFalse();
        assertThat(check.firstBrokenSequence()).isEqualTo(2L);
        assertThat(check.problem()).isEqualTo(AuditChain.Problem.HASH_MISMATCH);
    }

    @Test
    void anEditedEntryWithARecomputedHashBreaksTheNextLink() {
        List<AuditEntry> chain = new ArrayList<>(chain());
        AuditEntry adjusted = chain.get(1);
        chain.set(1, AuditChain.entry(ID, 2, adjusted.at(), adjusted.actor(), adjusted.action(), adjusted.before(),
                adjusted.after(), "another reason", null, adjusted.previousHash()));

        AuditChain.Verification check = AuditChain.verify(chain);

        assertThat(check.firstBrokenSequence()).isEqualTo(3L);
        assertThat(check.problem()).isEqualTo(AuditChain.Problem.WRONG_PREVIOUS_HASH);
    }

    @Test
    void aRemovedEntryIsAGapAtItsSequence() {
        List<AuditEntry> chain = chain();

        AuditChain.Verification check = AuditChain.verify(List.of(chain.get(0), chain.get(2)));

        assertThat(check.firstBrokenSequence()).isEqualTo(2L);
        assertThat(check.problem()).isEqualTo(AuditChain.Problem.GAP);
        assertThat(AuditChain.verify(List.of(chain.get(1), chain.get(2))).firstBrokenSequence()).isEqualTo(1L);
    }

    @Test
    void swappedEntriesBreakTheChain() {
        List<AuditEntry> chain = chain();
        AuditEntry second = chain.get(1);
        AuditEntry third = chain.get(2);
        // Renumbered and rehashed, the swapped entries still do not carry each other's hashes.
        AuditEntry thirdAsSecond = AuditChain.entry(ID, 2, third.at(), third.actor(), third.action(), third.before(),
                third.after(), third.reason(), third.detail(), third.previousHash());
        AuditEntry secondAsThird = AuditChain.entry(ID, 3, second.at(), second.actor(), second.action(),
                second.before(), second.after(), second.reason(), second.detail(), second.previousHash());

        AuditChain.Verification check = AuditChain.verify(List.of(chain.get(0), thirdAsSecond, secondAsThird));

        assertThat(check.firstBrokenSequence()).isEqualTo(2L);
        assertThat(check.problem()).isEqualTo(AuditChain.Problem.WRONG_PREVIOUS_HASH);
    }

    @Test
    void aChainShorterThanTheReportsVersionIsTruncated() {
        List<AuditEntry> chain = chain();

        assertThat(AuditChain.verify(chain, 3).intact()).isTrue();
        AuditChain.Verification truncated = AuditChain.verify(chain.subList(0, 2), 3);
        assertThat(truncated.problem()).isEqualTo(AuditChain.Problem.TRUNCATED);
        assertThat(truncated.firstBrokenSequence()).isEqualTo(3L);
        assertThat(AuditChain.verify(List.of(), 0).intact()).isTrue();
    }

    @Test
    void anEntryOfAnotherReportIsNamed() {
        List<AuditEntry> chain = chain();
        ReportId other = new ReportId("01GFNPZ5Y0ABCDEFGHJKMNPQRT");
        AuditEntry foreign = AuditChain.entry(other, 2, AT, PROCESSOR, AuditAction.RESCORED, REVIEW, REVIEW, null,
                null, chain.get(0).hash());

        AuditChain.Verification check = AuditChain.verify(List.of(chain.get(0), foreign));

        assertThat(check.problem()).isEqualTo(AuditChain.Problem.OTHER_REPORT);
        assertThat(check.firstBrokenSequence()).isEqualTo(2L);
    }

    @Test
    void theStateOfAReportIsItsStatusAwardAndLink() {
        Report received = ReportFixtures.received(ID, ReportFixtures.music());
        ReportId first = new ReportId("01GFNPZ5Y0ABCDEFGHJKMNPQRT");
        Report duplicate = received.triaged(new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.DUPLICATE,
                ReportFixtures.payment("2022-10-15/v1", 0), Set.of(), first));

        assertThat(AuditState.of(received)).isEqualTo(new AuditState(ReportStatus.RECEIVED, null, null, null, 0, 0, null));
        assertThat(AuditState.of(duplicate)).isEqualTo(new AuditState(ReportStatus.NEEDS_REVIEW, Outcome.PAYMENT,
                "business-loss.band-300k", "2022-10-15/v1", 0, 0, first.value()));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
