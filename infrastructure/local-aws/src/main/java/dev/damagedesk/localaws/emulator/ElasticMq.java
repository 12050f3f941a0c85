package dev.damagedesk.localaws.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.DB$;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.collection.immutable.List$;
import scala.util.Either;
import scalikejdbc.ConnectionPool;

/**
 * SQS: ElasticMQ embedded in this JVM, on a free loopback port, in region us-east-1 and account 000000000000.
 *
 * <p>In memory by default. With a data directory, queues and messages (in-flight ones too, with their visibility
 * deadline) are kept in an H2 database there by ElasticMQ's own SQL persistence, and restored at the next start: a
 * SendMessage is answered only once its row is committed, and H2 writes each commit to the file at once
 * ({@code WRITE_DELAY=0}), so an accepted message survives even a SIGKILL of this JVM.
 *
 * <p>ElasticMQ's SQL persistence opens one JDBC pool per JVM (scalikejdbc's singleton), so at most one persistent
 * ElasticMq can run in a JVM at a time; in-memory ones are unrestricted.
 */
public final class ElasticMq implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticMq.class);
    public static final String HOST = "127.0.0.1";
    /** The H2 database's base name in the data directory (H2 adds {@code .mv.db}). */
    static final String DATABASE_NAME = "elasticmq";
    /** Long enough to read a large backlog back from H2; ElasticMQServer's own 5 s would fail such a start. */
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(2);
    private static final AtomicBoolean PERSISTENT_ONE_RUNNING = new AtomicBoolean();

    private final SQSRestServer server;
    /** Null in memory (the REST server owns its actor system then); else the system that holds the H2 writer. */
    private final ActorSystem persistentSystem;
    private final URI endpoint;
    private volatile boolean closed;

    private ElasticMq(SQSRestServer server, ActorSystem persistentSystem, URI endpoint) {
        this.server = server;
        this.persistentSystem = persistentSystem;
        this.endpoint = endpoint;
    }

    /** In memory: queues and messages are gone at {@link #close()}. */
    public static ElasticMq start() {
        return start(Optional.empty());
    }

    /**
     * @param dataDir the folder for ElasticMQ's H2 database ({@value #DATABASE_NAME}{@code .mv.db}), created if
     *                missing; its queues and messages are restored before this returns. In memory when empty.
     */
    public static ElasticMq start(Optional<Path> dataDir) {
        return start(dataDir, OptionalInt.empty());
    }

    /**
     * @param port a fixed port (the fault injection's restart, where clients keep their endpoint); a free one when
     *             empty
     */
    public static ElasticMq start(Optional<Path> dataDir, OptionalInt port) {
        long started = System.nanoTime();
        ElasticMq elasticMq = dataDir.isPresent() ? startPersistent(dataDir.get(), port) : startInMemory(port);
        LOG.info("SQS (ElasticMQ) listening at {} after {} ms{}", elasticMq.endpoint,
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                dataDir.map(dir -> ", queues kept in " + dir).orElse(", in memory"));
        return elasticMq;
    }

    private static ElasticMq startInMemory(OptionalInt port) {
        SQSRestServer server = onPort(local(SQSRestServerBuilder.withDynamicPort()), port).start();
        return new ElasticMq(server, null, endpoint(server));
    }

    private static ElasticMq startPersistent(Path dataDir, OptionalInt port) {
        if (!PERSISTENT_ONE_RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("An ElasticMQ with a data directory is already running in this JVM:"
                    + " ElasticMQ's SQL persistence has one database per JVM");
        }
        SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", jdbcUri(dataDir),
                "", "", false);
        ActorSystem system = null;
        try {
            Files.createDirectories(dataDir);
            // ElasticMQ opens its pool only at the first start in a JVM (DB.initializeSingleton); after a close()
            // that pool is gone and it is opened again here, on this directory's database.
            DB$.MODULE$.initializeSingleton(config);
            if (!ConnectionPool.isInitialized(ConnectionPool.DEFAULT_NAME())) {
                ConnectionPool.singleton(config.uri(), config.username(), config.password(),
                        ConnectionPool.singleton$default$4(),
                        ConnectionPool.singleton$default$5(config.uri(), config.username(), config.password(),
                                ConnectionPool.singleton$default$4()));
            }
            system = ActorSystem.create("elasticmq");
            // the same actors ElasticMQServer wires for messages-storage, here with a dynamic port
            ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(config, List$.MODULE$.empty())));
            ActorRef queueManager = system.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(store))));
            restore(store, queueManager);
            SQSRestServer server = onPort(local(SQSRestServerBuilder.withActorSystem(system))
                    .withQueueManagerActor(queueManager)
                    .withQueueEventListener(store)
                    .withDynamicPort(), port)
                    .start();
            return new ElasticMq(server, system, endpoint(server));
        } catch (IOException | RuntimeException e) {
            if (system != null) {
                terminate(system);
            }
            ConnectionPool.closeAll();
            PERSISTENT_ONE_RUNNING.set(false);
            throw new IllegalStateException("ElasticMQ (SQS) did not start on " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** H2 in embedded file mode; WRITE_DELAY=0 makes each commit reach the file before the SendMessage answer. */
    static String jdbcUri(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(DATABASE_NAME).toString();
        if (file.contains(";")) {
            throw new IllegalArgumentException("A data directory for ElasticMQ cannot contain ';': " + dataDir);
        }
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0";
    }

    /** Recreates the stored queues and their messages in the queue manager before the REST server answers. */
    private static void restore(ActorRef store, ActorRef queueManager) {
        Object result;
        try {
            result = Patterns.ask(store, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restoring the stored queues", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The stored queues were not restored: " + e, e);
        }
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("The stored queues were not restored: " + either.left().get());
        }
    }

    private static TheSQSRestServerBuilder local(TheSQSRestServerBuilder builder) {
        return builder.withInterface(HOST)
                .withAWSRegion(LocalAws.REGION)
                .withAWSAccountId(LocalAws.ACCOUNT_ID);
    }

    private static TheSQSRestServerBuilder onPort(TheSQSRestServerBuilder builder, OptionalInt port) {
        return port.isPresent() ? builder.withPort(port.getAsInt()) : builder;
    }

    private static URI endpoint(SQSRestServer server) {
        InetSocketAddress address;
        try {
            address = server.waitUntilStarted().localAddress();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("ElasticMQ (SQS) did not start: " + e.getMessage(), e);
        }
        return URI.create("http://" + HOST + ":" + address.getPort());
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Stops the server and its actor system. In memory, queues and messages are gone; with a data directory they
     * are in its database, which is closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stopAndWait();
        if (persistentSystem != null) {
            try {
                terminate(persistentSystem);
            } finally {
                // the last pooled connection closed closes the H2 database and releases its file
                ConnectionPool.closeAll();
                PERSISTENT_ONE_RUNNING.set(false);
            }
        }
    }

    private static void terminate(ActorSystem system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("ElasticMQ's actor system did not stop: {}", e.toString());
        }
    }
}
