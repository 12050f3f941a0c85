package dev.damagedesk.application.scoring;

/**
 * What storing one report writes to the Reports table at most, as {@link ProcessReport} does it: a contact count per
 * identity key (email, phone, account: 3), an identity claim per key (3), the report (1). The audit entry goes to
 * the audit table. The surge controller sizes the processor's concurrency from it and the table's write budget;
 * change it with ProcessReport.
 */
public final class ReportWriteCost {

    public static final int WRITES_PER_REPORT = 7;

    private ReportWriteCost() {
    }
}
