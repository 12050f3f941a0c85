package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.SendingSlots;
import java.util.Map;
import java.util.TreeMap;

/** {@link SendingSlots} kept in memory, for use-case tests; {@link #takenIn} shows what each second gave out. */
public final class InMemorySendingSlots implements SendingSlots {

    private final int perSecond;
    private final Map<Long, Integer> taken = new TreeMap<>();

    public InMemorySendingSlots(int perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public int perSecond() {
        return perSecond;
    }

    @Override
    public synchronized boolean take(long epochSecond) {
        int before = taken.getOrDefault(epochSecond, 0);
        if (before >= perSecond) {
            return false;
        }
        taken.put(epochSecond, before + 1);
        return true;
    }

    /** Slots taken, by second. */
    public synchronized Map<Long, Integer> takenIn() {
        return Map.copyOf(taken);
    }
}
