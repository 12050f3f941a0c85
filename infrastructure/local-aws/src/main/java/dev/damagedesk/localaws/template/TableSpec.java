package dev.damagedesk.localaws.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::Table} (or {@code AWS::Serverless::SimpleTable}).
 *
 * @param attributeTypes attribute name to {@code S}, {@code N} or {@code B}, in template order
 * @param ttlAttribute   {@code TimeToLiveSpecification.AttributeName} when enabled
 */
public record TableSpec(
        String logicalId,
        Map<String, String> attributeTypes,
        String hashKey,
        Optional<String> rangeKey,
        List<IndexSpec> globalSecondaryIndexes,
        Optional<String> ttlAttribute) {

    public TableSpec {
        attributeTypes = TemplateMaps.unmodifiableCopy(attributeTypes);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    }
}
