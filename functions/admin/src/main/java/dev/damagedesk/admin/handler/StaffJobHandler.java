package dev.damagedesk.admin.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.lambda.SqsBatch;
import dev.damagedesk.adapters.message.JobPageMessage;
import dev.damagedesk.adapters.message.OutageNoticePageMessage;
import dev.damagedesk.application.incident.OutageNoticeFanOut;
import dev.damagedesk.application.port.OutageNoticePages;
import dev.damagedesk.application.staff.JobPage;
import dev.damagedesk.application.staff.StaffJob;

/**
 * {@code StaffJobFunction}: runs bulk decisions, exports and outage-notice fan-outs one page per message from
 * {@code StaffJobQueue}. Each
 * page queues the next, so a job resumes where it stopped; a page delivered twice is counted once. A page that
 * fails is returned as a batch item failure and retried, then dead-lettered with its job id and cursor.
 */
public final class StaffJobHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The job a warm-up looks up: no job has this id (they are UUIDs). */
    static final String ABSENT_JOB = "snapstart-warm-up";

    private final PowertoolsTelemetry telemetry;
    private final SqsBatch<String> batch;
    private final StaffJobWork services;
    private final SnapStartPriming priming;

    public StaffJobHandler() {
        this(FunctionEnvironment.system());
    }

    private StaffJobHandler(FunctionEnvironment environment) {
        this(PowertoolsTelemetry.forFunction(environment), environment);
    }

    private StaffJobHandler(PowertoolsTelemetry telemetry, FunctionEnvironment environment) {
        this(StaffWiring.jobWork(environment, telemetry), telemetry);
    }

    StaffJobHandler(StaffJobWork services, PowertoolsTelemetry telemetry) {
        this.telemetry = telemetry;
        this.services = services;
        this.batch = new SqsBatch<>("job page", body -> body, body -> {
            if (OutageNoticePageMessage.isOne(body)) {
                OutageNoticePages.OutageNoticePage page = OutageNoticePageMessage.fromJson(body);
                OutageNoticeFanOut.PageResult done = services.outageNotices().runPage(page);
                return SqsBatch.Result.done("outage notices " + page.incidentId() + " " + page.audience() + " "
                        + page.service() + ": " + done.queued() + " queued of " + done.read());
            }
            JobPage page = JobPageMessage.fromJson(body);
            StaffJob job = services.jobs().find(page.jobId())
                    .orElseThrow(() -> new IllegalStateException("No job " + page.jobId()));
            switch (job.kind()) {
                case BULK_DECISION -> services.bulk().runPage(page);
                case EXPORT -> services.exports().runPage(page);
            }
            return SqsBatch.Result.done(job.kind() + " " + page.jobId() + " page " + page.number());
        });
        this.priming = SnapStartPriming.register("staff jobs", this::warmUp);
    }

    /** SnapStart's warm-up: the clients built, a job looked up (a GetItem that finds nothing); nothing run. */
    void warmUp() {
        services.jobs().find(ABSENT_JOB);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invoke(context, () -> batch.handle(event));
    }
}
