package dev.damagedesk.adapters.queue;

import dev.damagedesk.adapters.message.RescorePageMessage;
import dev.damagedesk.application.port.RescorePages;

/** Re-scoring pages on the re-scoring queue, one {@link RescorePageMessage} each. */
public final class SqsRescorePages implements RescorePages {

    private final MessageQueue rescoreQueue;

    public SqsRescorePages(MessageQueue rescoreQueue) {
        this.rescoreQueue = rescoreQueue;
    }

    @Override
    public void queue(RescorePage page) {
        rescoreQueue.send(RescorePageMessage.of(page).toJson());
    }
}
