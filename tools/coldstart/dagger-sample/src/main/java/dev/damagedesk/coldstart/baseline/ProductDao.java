package dev.damagedesk.coldstart.baseline;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The sample's data access: one GetItem by key, mapped to a small record. */
final class ProductDao {

    record Product(String id, String name, String price) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;

    ProductDao(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    Optional<Product> find(String id) {
        GetItemResponse response = dynamoDb.getItem(request -> request.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("PRODUCT#" + id), "sk", AttributeValue.fromS("PRODUCT#" + id))));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Product(id, item.getOrDefault("name", AttributeValue.fromS("")).s(),
                item.getOrDefault("price", AttributeValue.fromS("0")).s()));
    }
}
