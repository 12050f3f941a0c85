package dev.damagedesk.localaws.template;

import static dev.damagedesk.localaws.template.TemplateMaps.bool;
import static dev.damagedesk.localaws.template.TemplateMaps.getAttTarget;
import static dev.damagedesk.localaws.template.TemplateMaps.integer;
import static dev.damagedesk.localaws.template.TemplateMaps.list;
import static dev.damagedesk.localaws.template.TemplateMaps.map;
import static dev.damagedesk.localaws.template.TemplateMaps.refTarget;
import static dev.damagedesk.localaws.template.TemplateMaps.requiredString;
import static dev.damagedesk.localaws.template.TemplateMaps.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the local runtime does with encryption at rest, decided here and nowhere else: customer-managed KMS keys
 * ({@code AWS::KMS::Key}, {@code AWS::KMS::Alias}) are <em>known and not emulated</em>. There is no local KMS; the
 * emulators (ElasticMQ, dynalite, s3rver, the local secrets) keep what such a key encrypts on AWS unencrypted, in
 * memory or as plain files under {@code --data-dir}, and the runtime says so at start-up, naming the key and what it
 * covers. That is a statement about local data only: nothing a function does changes with the key.
 *
 * <p>What it checks, so that the template stays honest locally too (a refusal is a {@link TemplateException}
 * naming the property):
 * <ul>
 *   <li>a key's and an alias's properties are the known ones (an unknown one is refused, not ignored);</li>
 *   <li>every key a queue ({@code KmsMasterKeyId}), table ({@code SSESpecification.KMSMasterKeyId}), bucket
 *       ({@code BucketEncryption ... KMSMasterKeyID}) or secret ({@code KmsKeyId}) names is a key of the template
 *       ({@code !GetAtt K.Arn}, {@code !GetAtt K.KeyId}, {@code !Ref K}, or {@code !Ref} of an alias of the template):
 *       a key the template does not declare cannot be described locally, so it is refused;</li>
 *   <li>the encryption settings around the key are well-formed as the services require (a KMS key and
 *       {@code SqsManagedSseEnabled} together, {@code KmsDataKeyReusePeriodSeconds} without a key or outside
 *       60..86,400, {@code SSEType} other than {@code KMS} with a key, an {@code SSEAlgorithm} S3 does not know).</li>
 * </ul>
 */
final class EncryptionAtRest {

    static final String KMS_KEY = "AWS::KMS::Key";
    static final String KMS_ALIAS = "AWS::KMS::Alias";

    /** Every one means something on AWS only (there is no local KMS); none is worth a banner line of its own. */
    private static final Map<String, StaffResources.Local> KEY_PROPERTIES = unlisted(Set.of("Description", "Enabled",
            "EnableKeyRotation", "KeyPolicy", "KeySpec", "KeyUsage", "PendingWindowInDays", "RotationPeriodInDays",
            "MultiRegion", "Tags"));
    private static final Map<String, StaffResources.Local> ALIAS_PROPERTIES = unlisted(Set.of("AliasName",
            "TargetKeyId"));
    private static final Set<String> SSE_SPECIFICATION = Set.of("SSEEnabled", "SSEType", "KMSMasterKeyId");
    private static final Set<String> S3_RULE = Set.of("ServerSideEncryptionByDefault", "BucketKeyEnabled");
    private static final Set<String> S3_DEFAULT = Set.of("SSEAlgorithm", "KMSMasterKeyID");
    private static final Set<String> S3_ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

    private EncryptionAtRest() {
    }

    private static Map<String, StaffResources.Local> unlisted(Set<String> names) {
        Map<String, StaffResources.Local> known = new LinkedHashMap<>();
        names.forEach(name -> known.put(name, StaffResources.Local.AWS_ONLY_UNLISTED));
        return Map.copyOf(known);
    }

    /**
     * Models the template's KMS keys and checks every reference to one; records each key and alias in
     * {@code unemulated} under its logical id.
     *
     * @param resources the template's {@code Resources}
     */
    static List<KmsKeySpec> keys(Map<String, Object> resources, Map<String, String> unemulated) {
        Map<String, String> types = new LinkedHashMap<>();
        resources.forEach((logicalId, definition) ->
                types.put(logicalId, requiredString(map(definition, logicalId), "Type", logicalId)));
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        Map<String, Boolean> rotation = new LinkedHashMap<>();
        types.forEach((logicalId, type) -> {
            if (type.equals(KMS_KEY)) {
                Map<String, Object> properties = properties(resources, logicalId);
                StaffResources.check(properties, KEY_PROPERTIES, KMS_KEY, logicalId, unemulated);
                aliases.put(logicalId, new ArrayList<>());
                rotation.put(logicalId, bool(properties, "EnableKeyRotation", false, logicalId));
                unemulated.put(logicalId, KMS_KEY);
            }
        });
        Map<String, String> aliasTargets = new LinkedHashMap<>();
        types.forEach((logicalId, type) -> {
            if (type.equals(KMS_ALIAS)) {
                Map<String, Object> properties = properties(resources, logicalId);
                StaffResources.check(properties, ALIAS_PROPERTIES, KMS_ALIAS, logicalId, unemulated);
                if (!properties.containsKey("AliasName")) { // required by CloudFormation; any form (a !Sub, ...)
                    throw new TemplateException(logicalId + ": an " + KMS_ALIAS + " needs an AliasName");
                }
                Object target = properties.get("TargetKeyId");
                String key = keyOf(target, types, Map.of()).orElseThrow(() -> new TemplateException(logicalId
                        + ".TargetKeyId must be !Ref or !GetAtt of an " + KMS_KEY + " of the template, got: " + target));
                aliases.get(key).add(logicalId);
                aliasTargets.put(logicalId, key);
                unemulated.put(logicalId, KMS_ALIAS);
            }
        });
        Map<String, List<String>> encrypts = new LinkedHashMap<>();
        aliases.keySet().forEach(key -> encrypts.put(key, new ArrayList<>()));
        types.forEach((logicalId, type) -> {
            Map<String, Object> properties = properties(resources, logicalId);
            List<Object> references = switch (type) {
                case SamTemplate.QUEUE -> queueKey(logicalId, properties);
                case SamTemplate.TABLE -> tableKey(logicalId, properties);
                case SamTemplate.BUCKET -> bucketKeys(logicalId, properties);
                case SamTemplate.SECRET -> Optional.ofNullable(properties.get("KmsKeyId")).map(List::of).orElse(List.of());
                default -> List.of();
            };
            for (Object reference : references) {
                String key = keyOf(reference, types, aliasTargets).orElseThrow(() -> new TemplateException(logicalId
                        + " is encrypted with KMS key " + reference + ", which is not an " + KMS_KEY + " (or an "
                        + KMS_ALIAS + ") of the template: locally there is no KMS to ask about a key the template"
                        + " does not declare; declare it in template.yaml and name it with !GetAtt <Key>.Arn"));
                if (!encrypts.get(key).contains(logicalId)) {
                    encrypts.get(key).add(logicalId);
                }
            }
        });
        List<KmsKeySpec> keys = new ArrayList<>();
        aliases.forEach((key, itsAliases) -> keys.add(new KmsKeySpec(key, itsAliases, rotation.get(key), encrypts.get(key))));
        return keys;
    }

    /** The one line of the start-up log for a key: it is not emulated, and what stays unencrypted locally. */
    static String note(KmsKeySpec key) {
        String aliases = key.aliases().isEmpty() ? "" : " (alias " + String.join(", ", key.aliases()) + ")";
        String what = key.encrypts().isEmpty() ? "nothing names it" : String.join(", ", key.encrypts());
        return "KMS: " + key.logicalId() + aliases + " not emulated locally; what it encrypts on AWS is stored"
                + " unencrypted by the emulators (in memory, or as plain files under --data-dir): " + what;
    }

    // ------------------------------------------------------------------ per resource type

    private static List<Object> queueKey(String logicalId, Map<String, Object> properties) {
        String where = logicalId + ".Properties";
        Object key = properties.get("KmsMasterKeyId");
        if (key != null && bool(properties, "SqsManagedSseEnabled", false, where)) {
            throw new TemplateException(where + ": KmsMasterKeyId and SqsManagedSseEnabled true together (SQS takes"
                    + " one kind of server-side encryption)");
        }
        if (properties.containsKey("KmsDataKeyReusePeriodSeconds")) {
            if (key == null) {
                throw new TemplateException(where + ".KmsDataKeyReusePeriodSeconds without a KmsMasterKeyId");
            }
            int seconds = integer(properties, "KmsDataKeyReusePeriodSeconds", 300, where);
            if (seconds < 60 || seconds > 86_400) {
                throw new TemplateException(where + ".KmsDataKeyReusePeriodSeconds must be 60..86400, got " + seconds);
            }
        }
        return key == null ? List.of() : List.of(key);
    }

    private static List<Object> tableKey(String logicalId, Map<String, Object> properties) {
        String where = logicalId + ".Properties.SSESpecification";
        if (!properties.containsKey("SSESpecification")) {
            return List.of();
        }
        Map<String, Object> sse = map(properties, "SSESpecification", logicalId + ".Properties");
        refuseUnknown(sse.keySet(), SSE_SPECIFICATION, where);
        Object key = sse.get("KMSMasterKeyId");
        if (key == null) {
            return List.of();
        }
        if (!bool(sse, "SSEEnabled", false, where) || !"KMS".equals(string(sse, "SSEType", where).orElse(""))) {
            throw new TemplateException(where + ": a KMSMasterKeyId needs SSEEnabled true and SSEType KMS");
        }
        return List.of(key);
    }

    private static List<Object> bucketKeys(String logicalId, Map<String, Object> properties) {
        String where = logicalId + ".Properties.BucketEncryption";
        if (!properties.containsKey("BucketEncryption")) {
            return List.of();
        }
        Map<String, Object> encryption = map(properties, "BucketEncryption", logicalId + ".Properties");
        refuseUnknown(encryption.keySet(), Set.of("ServerSideEncryptionConfiguration"), where);
        List<Object> keys = new ArrayList<>();
        for (Object element : list(encryption.get("ServerSideEncryptionConfiguration"), where)) {
            String ruleWhere = where + ".ServerSideEncryptionConfiguration[]";
            Map<String, Object> rule = map(element, ruleWhere);
            refuseUnknown(rule.keySet(), S3_RULE, ruleWhere);
            bool(rule, "BucketKeyEnabled", false, ruleWhere); // a literal boolean, or refused
            Map<String, Object> byDefault = map(rule, "ServerSideEncryptionByDefault", ruleWhere);
            refuseUnknown(byDefault.keySet(), S3_DEFAULT, ruleWhere + ".ServerSideEncryptionByDefault");
            String algorithm = requiredString(byDefault, "SSEAlgorithm", ruleWhere + ".ServerSideEncryptionByDefault");
            if (!S3_ALGORITHMS.contains(algorithm)) {
                throw new TemplateException(ruleWhere + ".ServerSideEncryptionByDefault.SSEAlgorithm " + algorithm
                        + " is none of " + new TreeSet<>(S3_ALGORITHMS));
            }
            Object key = byDefault.get("KMSMasterKeyID");
            if (key != null) {
                if (algorithm.equals("AES256")) {
                    throw new TemplateException(ruleWhere + ".ServerSideEncryptionByDefault: KMSMasterKeyID with"
                            + " SSEAlgorithm AES256 (S3 takes a key for aws:kms only)");
                }
                keys.add(key);
            }
        }
        return keys;
    }

    // ------------------------------------------------------------------ helpers

    /** The key a reference names: a key of the template directly, or through one of its aliases. */
    private static Optional<String> keyOf(Object reference, Map<String, String> types, Map<String, String> aliasTargets) {
        Optional<String> target = getAttTarget(reference, "Arn").or(() -> getAttTarget(reference, "KeyId"))
                .or(() -> refTarget(reference));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (KMS_KEY.equals(types.get(target.get()))) {
            return target;
        }
        return Optional.ofNullable(aliasTargets.get(target.get()));
    }

    private static Map<String, Object> properties(Map<String, Object> resources, String logicalId) {
        return map(map(resources.get(logicalId), logicalId), "Properties", logicalId);
    }

    private static void refuseUnknown(Set<String> names, Set<String> known, String where) {
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new TemplateException(where + ": " + unknown + " cannot be honoured locally (known: "
                    + new TreeSet<>(known) + ")");
        }
    }
}
