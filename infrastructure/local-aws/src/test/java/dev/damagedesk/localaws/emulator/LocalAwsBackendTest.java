package dev.damagedesk.localaws.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * LocalAws on a backend from a provider, without Docker: a stand-in backend that serves SQS and DynamoDB from the
 * built-in emulators and no SES, as LocalStack's free image does (SES v2 is not in it).
 */
class LocalAwsBackendTest {

    private final Path root = RepositoryRoot.find();

    @Test
    void aBackendWithoutSesGetsAwsSesV2LocalBesideItAndIsClosedWithLocalAws() {
        Path emulatorsDir = root.resolve("infrastructure/emulators");
        LocalAws.installNodeEmulatorsIfMissing(emulatorsDir);
        StandInBackend backend = new StandInBackend(ElasticMq.start(), NodeEmulator.dynalite(emulatorsDir, Optional.empty()));
        LocalAws aws = LocalAws.startBackend(provider(backend), root, Optional.empty());
        try {
            assertThat(aws.backendName()).isEqualTo("stand-in");
            assertThat(aws.sqsEndpoint()).isEqualTo(backend.sqs.endpoint());
            assertThat(aws.dynamoDbEndpoint()).isEqualTo(backend.dynamoDb.endpoint());
            assertThat(aws.sesEndpoint()).isEqualTo(aws.sesLocal().endpoint());
            assertThat(aws.clientProperties()).containsEntry("AWS_ENDPOINT_URL_SQS", backend.sqs.endpoint().toString());
            assertThat(aws.sqs().listQueues().queueUrls()).isEmpty();
            assertThat(aws.dynamoDb().listTables().tableNames()).isEmpty();
            assertThat(aws.mailbox().all()).isEmpty();
            assertThatThrownBy(aws::elasticMq).hasMessageContaining("the stand-in backend serves its API");
        } finally {
            aws.close();
        }
        assertThat(backend.closed).isTrue();
        assertThat(NodeEmulator.acceptsConnections(backend.dynamoDb.endpoint())).isFalse();
    }

    @Test
    void aBackendThatServesSesBringsItsOwnMailbox() {
        LocalMailbox mailbox = new LocalMailbox(URI.create("http://127.0.0.1:1"));
        StandInBackend backend = new StandInBackend(ElasticMq.start(),
                NodeEmulator.dynalite(root.resolve("infrastructure/emulators"), Optional.empty())) {
            @Override
            public Optional<URI> sesEndpoint() {
                return Optional.of(URI.create("http://127.0.0.1:1"));
            }

            @Override
            public LocalMailbox mailbox() {
                return mailbox;
            }
        };
        try (LocalAws aws = LocalAws.startBackend(provider(backend), root, Optional.empty())) {
            assertThat(aws.sesEndpoint()).isEqualTo(URI.create("http://127.0.0.1:1"));
            assertThat(aws.mailbox()).isSameAs(mailbox);
            assertThat(aws.clientProperties()).containsEntry("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:1");
            assertThatThrownBy(aws::sesLocal).isInstanceOf(IllegalStateException.class);
        }
        assertThat(backend.closed).isTrue();
    }

    private static AwsBackendProvider provider(AwsBackend backend) {
        return new AwsBackendProvider() {
            @Override
            public String name() {
                return "stand-in";
            }

            @Override
            public AwsBackend start(Path repositoryRoot, Optional<Path> dataDir) {
                return backend;
            }
        };
    }

    private static class StandInBackend implements AwsBackend {
        final ElasticMq sqs;
        final NodeEmulator dynamoDb;
        volatile boolean closed;

        StandInBackend(ElasticMq sqs, NodeEmulator dynamoDb) {
            this.sqs = sqs;
            this.dynamoDb = dynamoDb;
        }

        @Override
        public String description() {
            return "stand-in";
        }

        @Override
        public URI sqsEndpoint() {
            return sqs.endpoint();
        }

        @Override
        public URI dynamoDbEndpoint() {
            return dynamoDb.endpoint();
        }

        @Override
        public Optional<URI> sesEndpoint() {
            return Optional.empty();
        }

        @Override
        public LocalMailbox mailbox() {
            throw new AssertionError("LocalAws reads aws-ses-v2-local's mailbox when the backend serves no SES");
        }

        @Override
        public void close() {
            closed = true;
            sqs.close();
            dynamoDb.close();
        }
    }
}
