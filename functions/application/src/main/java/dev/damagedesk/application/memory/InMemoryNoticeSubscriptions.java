package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.NoticeSubscriptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@link NoticeSubscriptions} kept in memory, for use-case tests. */
public final class InMemoryNoticeSubscriptions implements NoticeSubscriptions {

    /** By service, then by the lower-cased email. */
    private final Map<String, TreeMap<String, Subscription>> byService = new TreeMap<>();

    @Override
    public synchronized void subscribe(Subscription subscription) {
        for (String service : subscription.services()) {
            byService.computeIfAbsent(service, s -> new TreeMap<>())
                    .put(subscription.email().toLowerCase(Locale.ROOT), subscription);
        }
    }

    @Override
    public synchronized Page page(String service, Map<String, String> cursor, int limit) {
        List<Subscription> all = new ArrayList<>(byService.getOrDefault(service, new TreeMap<>()).values());
        int from = cursor == null ? 0 : Integer.parseInt(cursor.get("offset"));
        int to = Math.min(all.size(), from + limit);
        return new Page(List.copyOf(all.subList(Math.min(from, to), to)),
                to < all.size() ? Map.of("offset", Integer.toString(to)) : null);
    }
}
