package dev.damagedesk.adapters.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.port.MessageQueues;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Depths and the redrive's moves against real SQS (ElasticMQ). */
class SqsMessageQueuesTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final SqsClient sqs = cloud.aws().sqs();
    private final String source = cloud.resources().queueUrl("StaffJobQueue");
    private final String dead = cloud.resources().queueUrl("StaffJobDeadLetterQueue");
    private final SqsMessageQueues queues = new SqsMessageQueues(sqs,
            SqsMessageQueues.parse("StaffJobQueue=" + source + ">StaffJobDeadLetterQueue=" + dead));

    @BeforeEach
    void emptyQueues() {
        sqs.purgeQueue(purge -> purge.queueUrl(source));
        sqs.purgeQueue(purge -> purge.queueUrl(dead));
    }

    @Test
    void aMovedMessageIsInTheSourceQueueAndLeavesTheDeadLetterQueueWhenDeleted() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.sendMessage(send -> send.queueUrl(dead).messageBody("{\"n\":" + n + "}"));
        }

        List<MessageQueues.Moved> moved = queues.moveBatch("StaffJobDeadLetterQueue");
        assertThat(moved).hasSize(3);
        assertThat(queues.depths()).extracting(depth -> depth.queue() + " " + depth.visible() + "/" + depth.inFlight())
                .containsExactly("StaffJobQueue 3/0", "StaffJobDeadLetterQueue 0/3");
        moved.forEach(message -> queues.delete("StaffJobDeadLetterQueue", message));

        assertThat(queues.depths()).extracting(depth -> depth.queue() + " " + depth.visible() + "/" + depth.inFlight())
                .containsExactly("StaffJobQueue 3/0", "StaffJobDeadLetterQueue 0/0");
        assertThat(queues.depths()).allSatisfy(depth -> assertThat(depth.oldestAgeSeconds()).isNull());
        assertThat(queues.isDeadLetterQueue("StaffJobQueue")).isFalse();
    }
}
