package dev.damagedesk.adapters.lambda;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The keys this code adds to every log line of a unit of work (Powertools adds the Lambda ones: function_name,
 * function_request_id, cold_start, service). Ids only: a log line never carries a reporter's data.
 */
public final class LogKeys {

    /** The report a line is about. */
    public static final String REPORT_ID = "reportId";
    /** The SQS message a line is about. */
    public static final String MESSAGE_ID = "messageId";

    private LogKeys() {
    }

    /** Tags the following log lines of this invocation (or SQS record: {@link SqsBatch} clears it) with the report. */
    public static void reportId(String reportId) {
        Optional.ofNullable(reportId).ifPresent(id -> MDC.put(REPORT_ID, id));
    }
}
