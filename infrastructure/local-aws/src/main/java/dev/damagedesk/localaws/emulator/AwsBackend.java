package dev.damagedesk.localaws.emulator;

import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateValues;
import java.net.URI;
import java.util.Optional;

/**
 * A running AWS backend other than the built-in emulators (LocalStack, for one), started by an
 * {@link AwsBackendProvider}. {@link LocalAws} builds the SDK clients on its endpoints and closes it.
 */
public interface AwsBackend extends AutoCloseable {

    /** What is running, for logs: image, version, endpoint. */
    String description();

    URI sqsEndpoint();

    URI dynamoDbEndpoint();

    /**
     * The SES v2 endpoint, or empty when this backend does not serve SES v2: {@link LocalAws} then runs the built-in
     * SES emulator (aws-ses-v2-local) beside it.
     */
    Optional<URI> sesEndpoint();

    /** The mail sent through {@link #sesEndpoint()}; only asked for when that is present. */
    LocalMailbox mailbox();

    /**
     * Called once the template's queues, tables and secrets exist: for what the backend must prepare beyond them, such
     * as verifying the SES identities the functions send from (an emulator that enforces verified senders).
     */
    default void afterProvisioning(SamTemplate template, TemplateValues values) {
    }

    /** Stops the backend; must not throw. */
    @Override
    void close();
}
