package dev.damagedesk.admin.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.message.JobPageMessage;
import dev.damagedesk.application.staff.JobPage;
import dev.damagedesk.application.staff.StaffJob;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code StaffJobFunction}: runs bulk decisions and exports one page per message from {@code StaffJobQueue}. Each
 * page queues the next, so a job resumes where it stopped; a page delivered twice is counted once. A page that
 * fails is returned as a batch item failure and retried, then dead-lettered with its job id and cursor.
 */
public final class StaffJobHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final AdminServices services;

    public StaffJobHandler() {
        this(AdminWiring.services(FunctionEnvironment.system()));
    }

    StaffJobHandler(AdminServices services) {
        this.services = services;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                run(JobPageMessage.fromJson(message.getBody()));
            } catch (RuntimeException failed) {
                // The job id and page are enough to find it again; nothing of a report is logged.
                context.getLogger().log("Job page " + message.getMessageId() + " failed: " + failed.getClass().getName()
                        + ": " + failed.getMessage(), LogLevel.WARN);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void run(JobPage page) {
        StaffJob job = services.jobs().find(page.jobId())
                .orElseThrow(() -> new IllegalStateException("No job " + page.jobId()));
        switch (job.kind()) {
            case BULK_DECISION -> services.bulk().runPage(page);
            case EXPORT -> services.exports().runPage(page);
        }
    }
}
