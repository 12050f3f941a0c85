package dev.damagedesk.localaws.template;

import java.util.List;

/**
 * An {@code AWS::KMS::Key} of the template, as the local runtime treats it: known, not emulated. On AWS it encrypts
 * {@link #encrypts()} at rest; locally the emulators keep those resources unencrypted (in memory, or as plain files
 * under {@code --data-dir}), and the runtime says so when it starts ({@link SamTemplate#notEmulatedNotes()}).
 *
 * @param aliases  logical ids of the {@code AWS::KMS::Alias}es that point to it
 * @param rotation {@code EnableKeyRotation}
 * @param encrypts logical ids of the tables, queues, buckets and secrets that name this key, in template order
 */
public record KmsKeySpec(String logicalId, List<String> aliases, boolean rotation, List<String> encrypts) {

    public KmsKeySpec {
        aliases = List.copyOf(aliases);
        encrypts = List.copyOf(encrypts);
    }
}
