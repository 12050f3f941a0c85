package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.MessageQueues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Queues in memory: each source queue with its dead-letter queue; a moved message stays until deleted. */
public final class InMemoryMessageQueues implements MessageQueues {

    private final Map<String, String> sourceOfDead = new LinkedHashMap<>();
    private final Map<String, Deque<String>> messages = new LinkedHashMap<>();
    private final Map<String, List<Moved>> moving = new LinkedHashMap<>();
    private int ids;

    public InMemoryMessageQueues(Map<String, String> deadLetterQueueOfSource) {
        deadLetterQueueOfSource.forEach((source, dead) -> {
            sourceOfDead.put(dead, source);
            messages.put(source, new ArrayDeque<>());
            messages.put(dead, new ArrayDeque<>());
            moving.put(dead, new ArrayList<>());
        });
    }

    public synchronized void put(String queue, String body) {
        messages.get(queue).addLast(body);
    }

    public synchronized List<String> messagesOf(String queue) {
        return List.copyOf(messages.get(queue));
    }

    @Override
    public synchronized List<Depth> depths() {
        List<Depth> depths = new ArrayList<>();
        sourceOfDead.forEach((dead, source) -> {
            depths.add(new Depth(source, false, null, messages.get(source).size(), 0, 0, null));
            depths.add(new Depth(dead, true, source, messages.get(dead).size(), moving.get(dead).size(), 0, null));
        });
        return depths;
    }

    @Override
    public boolean isDeadLetterQueue(String queue) {
        return sourceOfDead.containsKey(queue);
    }

    @Override
    public synchronized List<Moved> moveBatch(String deadLetterQueue) {
        List<Moved> batch = new ArrayList<>();
        Deque<String> dead = messages.get(deadLetterQueue);
        while (batch.size() < 10 && !dead.isEmpty()) {
            String body = dead.pollFirst();
            messages.get(sourceOfDead.get(deadLetterQueue)).addLast(body);
            Moved moved = new Moved("m-" + (++ids), body, "r-" + ids);
            moving.get(deadLetterQueue).add(moved);
            batch.add(moved);
        }
        return batch;
    }

    @Override
    public synchronized void delete(String deadLetterQueue, Moved moved) {
        moving.get(deadLetterQueue).remove(moved);
    }
}
