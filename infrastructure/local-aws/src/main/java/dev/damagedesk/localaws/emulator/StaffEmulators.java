package dev.damagedesk.localaws.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The two emulators of the staff side, cognito-local and s3rver, with their clients. Their files live in
 * {@code dataDir/cognito} and {@code dataDir/s3}, or, without a data directory, in scratch folders deleted at close.
 */
record StaffEmulators(NodeEmulator cognitoLocal, NodeEmulator s3rver, CognitoIdentityProviderClient cognito,
                      S3Client s3, List<Path> scratchDirs) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StaffEmulators.class);

    static CompletableFuture<StaffEmulators> startAsync(Path emulatorsDir, Optional<Path> dataDir, Path logDir,
                                                        Executor executor) {
        List<Path> scratch = new ArrayList<>();
        Path cognitoDir = dataDir.map(dir -> dir.resolve("cognito")).orElseGet(() -> scratch(emulatorsDir, "cognito", scratch));
        Path s3Dir = dataDir.map(dir -> dir.resolve("s3")).orElseGet(() -> scratch(emulatorsDir, "s3", scratch));
        CompletableFuture<NodeEmulator> cognitoStart = CompletableFuture.supplyAsync(
                () -> NodeEmulator.cognitoLocal(emulatorsDir, cognitoDir, logDir), executor);
        CompletableFuture<NodeEmulator> s3Start = CompletableFuture.supplyAsync(
                () -> NodeEmulator.s3rver(emulatorsDir, s3Dir, logDir), executor);
        return cognitoStart.handle((cognitoLocal, cognitoFailure) -> {
            NodeEmulator s3rver;
            try {
                s3rver = s3Start.join();
            } catch (RuntimeException s3Failure) {
                closeQuietly(cognitoLocal);
                deleteAll(scratch);
                throw s3Failure;
            }
            if (cognitoFailure != null) {
                closeQuietly(s3rver);
                deleteAll(scratch);
                throw cognitoFailure instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(cognitoFailure);
            }
            CognitoIdentityProviderClient cognito = LocalAws.cognitoClient(cognitoLocal.endpoint());
            S3Client s3 = LocalAws.s3Client(s3rver.endpoint());
            StaffEmulators started = new StaffEmulators(cognitoLocal, s3rver, cognito, s3, List.copyOf(scratch));
            try {
                // the first call loads most of each SDK client
                cognito.listUserPools(request -> request.maxResults(1));
                s3.listBuckets();
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            return started;
        });
    }

    @Override
    public void close() {
        closeQuietly(cognito);
        closeQuietly(s3);
        closeQuietly(cognitoLocal);
        closeQuietly(s3rver);
        deleteAll(scratchDirs);
    }

    private static void deleteAll(List<Path> dirs) {
        for (Path dir : dirs) {
            if (!Files.exists(dir)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                LOG.debug("Could not delete {}: {}", dir, e.toString());
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Could not close {}: {}", closeable, e.toString());
        }
    }

    private static Path scratch(Path emulatorsDir, String name, List<Path> scratch) {
        try {
            Path parent = emulatorsDir.resolve("target").resolve("tmp");
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent, name + "-");
            scratch.add(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a scratch folder for " + name, e);
        }
    }
}
