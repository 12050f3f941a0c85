package dev.damagedesk.adapters.scaling;

import dev.damagedesk.application.port.ProcessorScaling;
import dev.damagedesk.domain.surge.ProcessorSizing;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * The processor's event source mapping on the intake queue, through the Lambda API: found and read by function and
 * queue ({@code ListEventSourceMappings}) and scaled by its UUID ({@code UpdateEventSourceMapping} with
 * {@code ScalingConfig}). Two actions only, so the function's IAM needs no {@code GetEventSourceMapping}.
 */
public final class LambdaProcessorScaling implements ProcessorScaling {

    private final LambdaClient lambda;
    private final String functionName;
    private final String queueArn;
    private volatile String uuid;

    /**
     * @param functionName the processor's name (or ARN)
     * @param queueArn     the intake queue's ARN: the mapping's event source
     */
    public LambdaProcessorScaling(LambdaClient lambda, String functionName, String queueArn) {
        this.lambda = lambda;
        this.functionName = functionName;
        this.queueArn = queueArn;
    }

    @Override
    public int maximumConcurrency() {
        EventSourceMappingConfiguration mapping = mapping();
        // no ScalingConfig: Lambda's own limit (up to 1,000 for SQS)
        return mapping.scalingConfig() == null || mapping.scalingConfig().maximumConcurrency() == null
                ? ProcessorSizing.LAMBDA_MAXIMUM : mapping.scalingConfig().maximumConcurrency();
    }

    @Override
    public void setMaximumConcurrency(int concurrency) {
        String id = uuid != null ? uuid : mapping().uuid();
        lambda.updateEventSourceMapping(update -> update.uuid(id)
                .scalingConfig(scaling -> scaling.maximumConcurrency(concurrency)));
    }

    private EventSourceMappingConfiguration mapping() {
        List<EventSourceMappingConfiguration> mappings = lambda.listEventSourceMappings(list -> list
                .functionName(functionName).eventSourceArn(queueArn)).eventSourceMappings();
        if (mappings.size() != 1) {
            throw new IllegalStateException("Expected one event source mapping of " + functionName + " on "
                    + queueArn + ", found " + mappings.size());
        }
        uuid = mappings.get(0).uuid();
        return mappings.get(0);
    }
}
