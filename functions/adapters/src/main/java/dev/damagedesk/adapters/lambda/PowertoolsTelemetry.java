package dev.damagedesk.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.application.port.Measurements;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * The functions' logs and metrics, with Powertools for AWS Lambda and no AspectJ: each handler builds one per container
 * and runs every invocation through {@link #invoke}, which puts the Lambda context into the log lines
 * ({@code PowertoolsLogging}), captures Powertools' {@code ColdStart} metric and flushes the invocation's metrics as
 * one CloudWatch Embedded Metric Format document on standard output. The use cases' outcomes become metrics here,
 * and only here: the names, units and dimensions below are what the dashboard and alarms read.
 *
 * <p>Not thread-safe, like a Lambda container: one instance per handler instance, one invocation at a time.
 */
public final class PowertoolsTelemetry implements Measurements {

    public static final String NAMESPACE_VARIABLE = "POWERTOOLS_METRICS_NAMESPACE";
    public static final String SERVICE_VARIABLE = "POWERTOOLS_SERVICE_NAME";

    static {
        // The EMF library would otherwise probe for ECS and EC2 (HTTP calls to their metadata endpoints) wherever
        // AWS_LAMBDA_FUNCTION_NAME is not set, as locally; on Lambda its own probe comes to the same: standard output.
        if (System.getenv("AWS_EMF_ENVIRONMENT") == null) {
            EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        }
    }

    private final Metrics metrics;
    private final String service;
    private boolean measured;

    /** Namespace and service from the function's configuration (the template's Globals). */
    public static PowertoolsTelemetry forFunction(FunctionEnvironment environment) {
        return new PowertoolsTelemetry(environment.required(NAMESPACE_VARIABLE), environment.required(SERVICE_VARIABLE));
    }

    PowertoolsTelemetry(String namespace, String service) {
        // Not MetricsFactory's singleton: the local runtime hosts several functions, and containers, in one JVM.
        this.metrics = new EmfMetricsProvider().getMetricsInstance();
        this.service = service;
        metrics.setNamespace(namespace);
        metrics.setDefaultDimensions(DimensionSet.of("Service", service));
    }

    /**
     * Runs one invocation: its log lines carry the context's function name and request id and the cold-start flag;
     * what it measured is flushed when it ends, however it ends.
     */
    public <T> T invoke(Context context, Supplier<T> work) {
        // Before the logging: its first initialisation marks the cold start done.
        metrics.captureColdStartMetric(context, DimensionSet.of("Service", service, "FunctionName",
                context.getFunctionName()));
        PowertoolsLogging.initializeLogging(context);
        // Powertools reads the service from the process environment only; locally it comes as a system property.
        MDC.put("service", service);
        try {
            return work.get();
        } finally {
            flush();
            PowertoolsLogging.clearState(true);
        }
    }

    private void flush() {
        if (measured) {
            measured = false;
            // The library stamps a document when the previous flush began the next one: a warm container's first
            // invocation after a quiet hour would land an hour back on the dashboard.
            metrics.setTimestamp(Instant.now());
            metrics.flush();
        }
    }

    private void count(String name) {
        metrics.addMetric(name, 1, MetricUnit.COUNT);
        measured = true;
    }

    /** A metric with a dimension of its own goes in a document of its own: a document's dimensions apply to all of it. */
    private void count(String name, String dimension, String value) {
        metrics.flushMetrics(single -> {
            single.clearDefaultDimensions(); // else also published under Service alone
            single.addDimension(DimensionSet.of("Service", service, dimension, value));
            single.addMetric(name, 1, MetricUnit.COUNT);
        });
    }

    @Override
    public void reportAccepted() {
        count("ReportsAccepted");
    }

    @Override
    public void reportRefused(String reason) {
        count("ReportsRefused", "Reason", reason);
    }

    @Override
    public void reportStored(Duration sinceReceipt) {
        count("ReportsStored");
        metrics.addMetric("ProcessingLag", Math.max(0, sinceReceipt.toMillis()), MetricUnit.MILLISECONDS);
    }

    @Override
    public void duplicateLinked() {
        count("DuplicatesLinked");
    }

    @Override
    public void decided(String ruleId) {
        count("Decisions", "Rule", ruleId);
    }

    @Override
    public void emailSent() {
        count("EmailsSent");
    }

    @Override
    public void emailDeferred() {
        count("EmailsDeferred");
    }
}
