package dev.damagedesk.localruntime.poller;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Builds the event Lambda's SQS event source mapping sends a function for a batch of received messages. */
final class SqsEvents {

    private SqsEvents() {
    }

    static Map<String, Object> build(List<Message> batch, String queueArn) {
        String region = regionOf(queueArn);
        List<Map<String, Object>> records = new ArrayList<>(batch.size());
        for (Message message : batch) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            Map<String, String> attributes = new LinkedHashMap<>(message.attributesAsStrings());
            record.put("attributes", attributes);
            Map<String, Object> messageAttributes = new LinkedHashMap<>();
            message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, messageAttribute(value)));
            record.put("messageAttributes", messageAttributes);
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
            records.add(record);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Records", records);
        return event;
    }

    private static Map<String, Object> messageAttribute(MessageAttributeValue value) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        if (value.stringValue() != null) {
            attribute.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            attribute.put("binaryValue", base64(value.binaryValue()));
        }
        attribute.put("stringListValues", value.hasStringListValues() ? value.stringListValues() : List.of());
        attribute.put("binaryListValues", value.hasBinaryListValues()
                ? value.binaryListValues().stream().map(SqsEvents::base64).toList()
                : List.of());
        attribute.put("dataType", value.dataType());
        return attribute;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    /** The region part of {@code arn:aws:sqs:REGION:ACCOUNT:NAME}. */
    static String regionOf(String queueArn) {
        String[] parts = queueArn.split(":", 6);
        return parts.length >= 4 ? parts[3] : "";
    }
}
