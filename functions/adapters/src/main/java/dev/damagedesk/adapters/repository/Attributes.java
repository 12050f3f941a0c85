package dev.damagedesk.adapters.repository;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small readers and writers for DynamoDB attribute values, so item mappers read like the item they build. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        return optionalString(item, name).orElseThrow(() -> new IllegalStateException("Stored item lacks " + name));
    }

    static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    static Optional<Long> optionalNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Long.parseLong(value.n()));
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return optionalNumber(item, name).orElseThrow(() -> new IllegalStateException("Stored item lacks " + name));
    }
}
