package dev.damagedesk.localaws.emulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SQS: ElasticMQ embedded in this JVM, on a free loopback port, in region us-east-1 and account 000000000000. */
public final class ElasticMq implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticMq.class);
    public static final String HOST = "127.0.0.1";

    private final SQSRestServer server;
    private final URI endpoint;
    private volatile boolean closed;

    private ElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static ElasticMq start() {
        long started = System.nanoTime();
        SQSRestServer server = SQSRestServerBuilder.withDynamicPort()
                .withInterface(HOST)
                .withAWSRegion(LocalAws.REGION)
                .withAWSAccountId(LocalAws.ACCOUNT_ID)
                .start();
        InetSocketAddress address;
        try {
            address = server.waitUntilStarted().localAddress();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("ElasticMQ (SQS) did not start: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + HOST + ":" + address.getPort());
        LOG.info("SQS (ElasticMQ) listening at {} after {} ms", endpoint,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new ElasticMq(server, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server and its actor system; queues and messages are gone (ElasticMQ keeps them in memory). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stopAndWait();
    }
}
