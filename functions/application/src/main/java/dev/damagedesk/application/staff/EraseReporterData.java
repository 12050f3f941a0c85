package dev.damagedesk.application.staff;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.IdentityIndexes;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.privacy.ErasureReason;
import dev.damagedesk.domain.privacy.PersonalDataErasure;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.staff.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * A supervisor erases a reporter's personal data from one report ({@link PersonalDataErasure}): read it, check the
 * caller's {@code version} is the stored one, cut the links from the reporter's identity keys to the report (contact
 * index, duplicate claims: {@link IdentityIndexes}), then write the erased report as the next version with its
 * {@code PERSONAL_DATA_ERASED} entry ({@link ReportChanges}: conditional on the version read).
 *
 * <p>The links go first because they can only be found from the data: once the report is written erased, its keys
 * cannot be computed again. A crash between the two leaves the report unerased and unreachable by search; the
 * supervisor's retry (same version) forgets again (a no-op) and writes.
 *
 * <p>Idempotent: a report already erased is answered as stored, whatever version the caller sends, and nothing is
 * written (erasing twice writes one entry). Two erasures racing at one version: one writes, the other reads again
 * and finds the report erased.
 */
public final class EraseReporterData {

    /** What became of the request. */
    public sealed interface Result permits Erased, NotFound {
    }

    /** @param erasedNow false when an earlier request had erased it (nothing written by this one) */
    public record Erased(StoredReport report, boolean erasedNow) implements Result {
    }

    public record NotFound(ReportId reportId) implements Result {
    }

    private final ReportStore reports;
    private final ReportChanges changes;
    private final IdentityIndexes indexes;
    private final IdentityKeys identityKeys;

    /** @param identityKeys the keys the processor indexed reports under (the same secret) */
    public EraseReporterData(ReportStore reports, ReportChanges changes, IdentityIndexes indexes,
                             IdentityKeys identityKeys) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        this.identityKeys = Objects.requireNonNull(identityKeys, "identityKeys");
    }

    /**
     * @param version the version the caller read
     * @throws StaleReportException when the report is at another version and not erased (409 {@code stale-version})
     * @throws dev.damagedesk.domain.staff.StaffNotAllowedException when the actor is not a supervisor (403)
     */
    public Result erase(ReportId reportId, long version, ErasureReason reason, Actor actor) {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(reason, "reason");
        PersonalDataErasure.requireAllowed(actor);
        Optional<StoredReport> found = reports.find(reportId);
        if (found.isEmpty()) {
            return new NotFound(reportId);
        }
        StoredReport stored = found.get();
        if (stored.report().personalDataErased()) {
            return new Erased(stored, false);
        }
        if (stored.version() != version) {
            throw new StaleReportException(reportId, version);
        }
        Report report = stored.report();
        for (String key : identityKeys.of(ReporterIdentity.of(report.submission().reporter()))) {
            indexes.forget(report.incidentId(), report.submission().service(), key, reportId);
        }
        try {
            StoredReport written = changes.change(stored, PersonalDataErasure.erase(report, actor), actor,
                    AuditAction.PERSONAL_DATA_ERASED, reason.name(), PersonalDataErasure.ERASED_FIELDS);
            return new Erased(written, true);
        } catch (StaleReportException changedMeanwhile) {
            Optional<StoredReport> now = reports.find(reportId).filter(again -> again.report().personalDataErased());
            if (now.isPresent()) {
                return new Erased(now.get(), false);
            }
            throw changedMeanwhile;
        }
    }
}
