package dev.damagedesk.localaws;

import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localaws.provision.ProvisionedResources;
import dev.damagedesk.localaws.provision.Provisioner;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DamageDesk's AWS resources, running locally: {@code template.yaml} read, the emulators started, the template's
 * queues, table and secrets provisioned in them, and every template value resolvable. What the local runtime and
 * the tests start.
 */
public final class LocalCloud implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);

    /**
     * Template parameters whose local value is not the template's default unless overridden: the intake's submission
     * limits are off, because every local client is 127.0.0.1 and the load tools and end-to-end tests send thousands of
     * reports from it, often for the same contacts ({@code --parameter-overrides SubmissionLimitPerClientPerMinute=5}
     * turns one on).
     */
    public static final Map<String, String> LOCAL_PARAMETER_DEFAULTS = Map.of(
            "SubmissionLimitPerContactPerHour", "0", "SubmissionLimitPerClientPerMinute", "0");

    private final SamTemplate template;
    private final LocalAws aws;
    private final ProvisionedResources resources;
    private final TemplateValues values;
    private final Duration startupTime;

    private LocalCloud(SamTemplate template, LocalAws aws, ProvisionedResources resources, TemplateValues values,
                       Duration startupTime) {
        this.template = template;
        this.aws = aws;
        this.resources = resources;
        this.values = values;
        this.startupTime = startupTime;
    }

    /**
     * @param repositoryRoot     the folder with {@code template.yaml} and {@code infrastructure/emulators}
     * @param dataDir            keeps DynamoDB data, queued messages, user pools, buckets, secrets and emulator logs across
     *                           restarts when present
     * @param parameterOverrides template parameters to use instead of their defaults
     */
    public static LocalCloud start(Path repositoryRoot, Optional<Path> dataDir, Map<String, String> parameterOverrides) {
        long started = System.nanoTime();
        Path root = repositoryRoot.toAbsolutePath().normalize();
        SamTemplate template = SamTemplate.load(root.resolve(RepositoryRoot.TEMPLATE));
        template.notEmulatedNotes().forEach(note -> LOG.info(note));
        Optional<Path> data = dataDir.map(dir -> dir.toAbsolutePath().normalize());
        LocalAws aws = LocalAws.start(root, data);
        try {
            ProvisionedResources resources = Provisioner.apply(template, aws, data);
            // only where the template declares them: a template without the limits has nothing to turn off
            Map<?, ?> declared = template.raw().get("Parameters") instanceof Map<?, ?> map ? map : Map.of();
            Map<String, String> parameters = new LinkedHashMap<>();
            LOCAL_PARAMETER_DEFAULTS.forEach((name, value) -> {
                if (declared.containsKey(name)) {
                    parameters.put(name, value);
                }
            });
            parameters.putAll(parameterOverrides);
            if (!parameterOverrides.keySet().containsAll(parameters.keySet())) {
                LOG.info("Submission limits off locally (every client is 127.0.0.1): --parameter-overrides "
                        + "SubmissionLimitPerClientPerMinute=N,SubmissionLimitPerContactPerHour=N turns them on");
            }
            TemplateValues values = new TemplateValues(template, parameters, resources);
            for (FunctionSpec function : template.functions()) {
                values.environmentOf(function); // fail now, not at the first invocation
            }
            aws.afterProvisioning(template, values);
            Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("LocalCloud started in {} ms (emulators {} ms){}", startupTime.toMillis(),
                    aws.startupTime().toMillis(), data.map(dir -> ", data in " + dir).orElse(", in memory"));
            return new LocalCloud(template, aws, resources, values, startupTime);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    public SamTemplate template() {
        return template;
    }

    public LocalAws aws() {
        return aws;
    }

    public ProvisionedResources resources() {
        return resources;
    }

    public TemplateValues values() {
        return values;
    }

    /** A function's resolved {@code Environment.Variables} plus {@link LocalAws#clientProperties()}. */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        Map<String, String> environment = new LinkedHashMap<>(values.environmentOf(template.function(functionLogicalId)));
        environment.putAll(aws.clientProperties());
        return Collections.unmodifiableMap(environment);
    }

    /** From the call of {@link #start} to everything provisioned. */
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public void close() {
        aws.close();
    }
}
