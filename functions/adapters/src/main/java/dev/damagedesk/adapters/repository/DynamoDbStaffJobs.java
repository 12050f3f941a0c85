package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.adapters.json.StaffJobDocuments;
import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.staff.StaffJob;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Staff jobs in the reports table ({@code JOB#<id>} / {@code JOB}): the job as a JSON document, and
 * {@code pagesDone} as a number that every page's write is conditioned on, so a page is counted once.
 */
public final class DynamoDbStaffJobs implements StaffJobs {

    /** Jobs are progress records, not reports: kept a month. */
    private static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbStaffJobs(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void create(StaffJob job) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item(job))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // created by an earlier attempt: leave its progress as it is
        }
    }

    @Override
    public Optional<StaffJob> find(String jobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).key(key(jobId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StaffJobDocuments.fromMap(Json.parseObject(item.get("document").s())));
    }

    @Override
    public Optional<StaffJob> recordPage(String jobId, StaffJob.PageResult page) {
        Optional<StaffJob> current = find(jobId);
        if (current.isEmpty() || current.get().pagesDone() != page.number() - 1) {
            return Optional.empty();
        }
        StaffJob after = current.get().after(page);
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item(after))
                    .conditionExpression("pagesDone = :before")
                    .expressionAttributeValues(Map.of(":before", n(page.number() - 1L))));
            return Optional.of(after);
        } catch (ConditionalCheckFailedException recordedMeanwhile) {
            return Optional.empty();
        }
    }

    private Map<String, AttributeValue> item(StaffJob job) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.jobId()));
        item.put("type", s("STAFF_JOB"));
        item.put("pagesDone", n(job.pagesDone()));
        item.put("document", s(Json.write(StaffJobDocuments.toMap(job))));
        item.put("expiresAt", n(job.createdAt().plus(RETENTION).getEpochSecond()));
        return item;
    }

    private static Map<String, AttributeValue> key(String jobId) {
        return Map.of(ReportKeys.PK, s("JOB#" + jobId), ReportKeys.SK, s("JOB"));
    }
}
