package dev.damagedesk.localaws.template;

import java.util.List;
import java.util.Optional;

/**
 * A global secondary index of a {@link TableSpec}.
 *
 * @param projectionType {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
 */
public record IndexSpec(String name, String hashKey, Optional<String> rangeKey, String projectionType,
                        List<String> nonKeyAttributes) {

    public IndexSpec {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    public IndexSpec(String name, String hashKey, Optional<String> rangeKey, String projectionType) {
        this(name, hashKey, rangeKey, projectionType, List.of());
    }
}
