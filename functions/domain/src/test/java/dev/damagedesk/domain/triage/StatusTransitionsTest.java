package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusTransitionsTest {

    /** The table of docs/triage.md, written out again so that a change to the code has to change both. */
    private static final String TABLE = """
            RECEIVED        -> SCORED
            SCORED          -> AUTO_APPROVED NEEDS_REVIEW NEEDS_DOCUMENTS
            AUTO_APPROVED   -> PAID NEEDS_REVIEW SCORED
            NEEDS_REVIEW    -> APPROVED REJECTED NEEDS_DOCUMENTS SCORED
            NEEDS_DOCUMENTS -> NEEDS_REVIEW REJECTED SCORED
            APPROVED        -> PAID DISPUTED NEEDS_REVIEW
            REJECTED        -> DISPUTED NEEDS_REVIEW
            PAID            -> DISPUTED
            DISPUTED        -> APPROVED REJECTED
            """;

    private static Map<ReportStatus, Set<ReportStatus>> documented() {
        Map<ReportStatus, Set<ReportStatus>> table = new EnumMap<>(ReportStatus.class);
        TABLE.lines().forEach(line -> {
            String[] sides = line.split("->");
            Set<ReportStatus> targets = EnumSet.noneOf(ReportStatus.class);
            Arrays.stream(sides[1].trim().split("\\s+")).map(ReportStatus::valueOf).forEach(targets::add);
            table.put(ReportStatus.valueOf(sides[0].trim()), targets);
        });
        return table;
    }

    static Stream<Arguments> everyPair() {
        Map<ReportStatus, Set<ReportStatus>> table = documented();
        return Arrays.stream(ReportStatus.values()).flatMap(from -> Arrays.stream(ReportStatus.values())
                .map(to -> Arguments.of(from, to, table.get(from).contains(to))));
    }

    @Test
    void theTableCoversEveryStatus() {
        assertThat(documented()).containsOnlyKeys(ReportStatus.values());
        assertThat(everyPair()).hasSize(81);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void everyTransitionIsAllowedOrRefusedAsDocumented(ReportStatus from, ReportStatus to, boolean allowed) {
        assertThat(StatusTransitions.allowed(from, to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(StatusTransitions.requireAllowed(from, to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> StatusTransitions.requireAllowed(from, to))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.to()).isEqualTo(to);
                        assertThat(e).hasMessageContaining(from + " to " + to);
                    });
        }
    }

    @ParameterizedTest
    @CsvSource({
            "RECEIVED, false", "SCORED, false", "AUTO_APPROVED, false", "NEEDS_REVIEW, false",
            "NEEDS_DOCUMENTS, false", "APPROVED, true", "REJECTED, true", "PAID, true", "DISPUTED, true",
    })
    void staffDecisions(ReportStatus status, boolean staffDecision) {
        assertThat(StatusTransitions.isStaffDecision(status)).isEqualTo(staffDecision);
    }

    @Test
    void aStaffDecisionIsNeverScoredAgainAndNothingGoesBackToReceived() {
        for (ReportStatus status : ReportStatus.values()) {
            assertThat(StatusTransitions.allowed(status, ReportStatus.RECEIVED)).as("%s -> RECEIVED", status).isFalse();
            assertThat(StatusTransitions.allowed(status, status)).as("%s -> itself", status).isFalse();
            if (StatusTransitions.isStaffDecision(status)) {
                assertThat(StatusTransitions.allowed(status, ReportStatus.SCORED)).as("%s -> SCORED", status).isFalse();
            }
        }
    }

    @Test
    void theAllowedSetsCannotBeChanged() {
        assertThatThrownBy(() -> StatusTransitions.allowedFrom(ReportStatus.REJECTED).add(ReportStatus.PAID))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void docsTriageMdHasTheSameTable() throws IOException {
        Path doc = Path.of(System.getProperty("damagedesk.root", "../.."), "docs/triage.md");
        String text = Files.readString(doc);
        documented().forEach((from, targets) -> {
            String row = text.lines().filter(line -> line.startsWith("| `" + from + "` ")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/triage.md has no row for " + from));
            Set<ReportStatus> inDoc = EnumSet.noneOf(ReportStatus.class);
            String targetsCell = row.split("\\|")[2];
            for (ReportStatus status : ReportStatus.values()) {
                if (targetsCell.contains("`" + status + "`")) {
                    inDoc.add(status);
                }
            }
            assertThat(inDoc).as("docs/triage.md row %s", from).isEqualTo(targets);
        });
    }
}
