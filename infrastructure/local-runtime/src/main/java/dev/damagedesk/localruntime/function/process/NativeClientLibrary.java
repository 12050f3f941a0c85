package dev.damagedesk.localruntime.function.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The runtime interface client's JNI library, unpacked once per local runtime into a private folder and handed to every
 * instance with {@link #PROPERTY}. Left to itself, each starting client copies the library over the one fixed file
 * {@code /tmp/.libaws-lambda-jni.so} and loads it: while one JVM has it mapped, another one starting at the same moment
 * rewrites it, and the first dies of a SIGBUS in the dynamic loader (seen here when a burst of requests starts several
 * containers at once, and between local runtimes that share a machine). Lambda starts each container in its own /tmp.
 */
final class NativeClientLibrary {

    /** The client's own switch: when set, it loads this file instead of unpacking its copy. */
    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Optional<Path> unpacked;

    private NativeClientLibrary() {
    }

    /** The unpacked library for this machine, empty when the client's jars have none for it (the client then does its own). */
    static synchronized Optional<Path> of(List<Path> runtimeJars) {
        if (unpacked == null) {
            unpacked = unpack(runtimeJars, resourceName());
        }
        return unpacked;
    }

    private static String resourceName() {
        String arch = System.getProperty("os.arch", "");
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
        boolean musl;
        try (var libs = Files.list(Path.of("/lib"))) {
            musl = libs.anyMatch(lib -> lib.getFileName().toString().startsWith("ld-musl-"));
        } catch (IOException | RuntimeException e) {
            musl = false;
        }
        return "jni/libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + cpu + ".so";
    }

    private static Optional<Path> unpack(List<Path> runtimeJars, String resource) {
        for (Path jar : runtimeJars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                var entry = zip.getEntry(resource);
                if (entry == null) {
                    continue;
                }
                Path folder = Files.createTempDirectory("damagedesk-lambda-jni-");
                folder.toFile().deleteOnExit();
                Path library = folder.resolve("libaws-lambda-jni.so");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
                }
                library.toFile().deleteOnExit();
                return Optional.of(library);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot unpack the runtime interface client's JNI library from " + jar, e);
            }
        }
        return Optional.empty();
    }
}
