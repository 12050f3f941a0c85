package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.adapters.message.OutageNoticeMessage;
import dev.damagedesk.application.port.NoticeSubscriptions;
import dev.damagedesk.domain.report.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link NoticeSubscriptions} in the reports table: one item per service and address, partition
 * {@code SUBSCRIBERS#<service>}, sort key {@code EMAIL#<digest of the address>}, so that subscribing twice overwrites
 * one item and the fan-out pages a service's subscribers with one query per page. Items expire ({@code expiresAt},
 * TTL on AWS) after {@link #KEPT}: an address is personal data, kept no longer than it is useful.
 */
public final class DynamoDbNoticeSubscriptions implements NoticeSubscriptions {

    /** How long a subscription lasts; subscribing again renews it. */
    public static final Duration KEPT = Duration.ofDays(365);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbNoticeSubscriptions(DynamoDbClient dynamoDb, String reportsTable) {
        this.dynamoDb = dynamoDb;
        this.tableName = reportsTable;
    }

    @Override
    public void subscribe(Subscription subscription) {
        String digest = OutageNoticeMessage.ledgerRecipient(subscription.email());
        for (String service : subscription.services()) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(ReportKeys.PK, s("SUBSCRIBERS#" + service));
            item.put(ReportKeys.SK, s("EMAIL#" + digest));
            item.put("type", s("NOTICE_SUBSCRIPTION"));
            item.put("email", s(subscription.email().strip()));
            item.put("locale", s(subscription.language().code()));
            item.put("subscribedAt", s(subscription.subscribedAt().toString()));
            item.put("expiresAt", n(subscription.subscribedAt().plus(KEPT).getEpochSecond()));
            dynamoDb.putItem(put -> put.tableName(tableName).item(item));
        }
    }

    @Override
    public Page page(String service, Map<String, String> cursor, int limit) {
        Map<String, AttributeValue> start = cursor == null ? null
                : Map.of(ReportKeys.PK, s(cursor.get(ReportKeys.PK)), ReportKeys.SK, s(cursor.get(ReportKeys.SK)));
        var answer = dynamoDb.query(query -> query.tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ReportKeys.PK))
                .expressionAttributeValues(Map.of(":pk", s("SUBSCRIBERS#" + service)))
                .exclusiveStartKey(start)
                .limit(limit));
        List<Subscription> found = answer.items().stream().map(item -> new Subscription(string(item, "email"),
                Language.fromCode(string(item, "locale")).orElse(Language.KO), Set.of(service),
                Instant.parse(string(item, "subscribedAt")))).toList();
        Map<String, String> next = null;
        if (answer.hasLastEvaluatedKey() && !answer.lastEvaluatedKey().isEmpty()) {
            next = new LinkedHashMap<>();
            next.put(ReportKeys.PK, answer.lastEvaluatedKey().get(ReportKeys.PK).s());
            next.put(ReportKeys.SK, answer.lastEvaluatedKey().get(ReportKeys.SK).s());
        }
        return new Page(found, next);
    }
}
