package dev.damagedesk.localaws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** Finds the DamageDesk repository root: the folder that holds {@code template.yaml}. */
public final class RepositoryRoot {

    /** The system property Maven passes to tests (the reactor's root). */
    public static final String PROPERTY = "damagedesk.root";
    public static final String TEMPLATE = "template.yaml";

    private RepositoryRoot() {
    }

    /**
     * {@code -Ddamagedesk.root} when it points at a folder with {@code template.yaml}; otherwise the nearest folder
     * with {@code template.yaml} from the working directory upwards.
     */
    public static Path find() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            Path root = Paths.get(property).toAbsolutePath().normalize();
            if (Files.isRegularFile(root.resolve(TEMPLATE))) {
                return root;
            }
        }
        Path start = Paths.get("").toAbsolutePath().normalize();
        return findFrom(start).orElseThrow(() -> new IllegalStateException("No " + TEMPLATE + " in " + start
                + " or any folder above it" + (property == null ? "" : ", nor in -D" + PROPERTY + "=" + property)
                + ": run from inside the DamageDesk repository or set -D" + PROPERTY));
    }

    static Optional<Path> findFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
