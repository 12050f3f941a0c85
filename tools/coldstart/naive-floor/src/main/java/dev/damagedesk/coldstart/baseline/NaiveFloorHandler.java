package dev.damagedesk.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The naive floor: one DynamoDB client built in the constructor the way the SDK's getting-started guide builds it
 * (its defaults: region, credentials and the endpoint from the environment, here the UrlConnection HTTP client as
 * the only one on the classpath), and one GetItem per invocation. Every DamageDesk function does at least this much.
 */
public final class NaiveFloorHandler implements RequestHandler<Map<String, Object>, String> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final String table = System.getenv("REPORTS_TABLE");

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("COLDSTART#floor"),
                "sk", AttributeValue.fromS("COLDSTART#floor"));
        boolean found = dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(key).build()).hasItem();
        return found ? "found" : "absent";
    }
}
