package dev.damagedesk.localaws.template;

import java.util.Optional;

/**
 * A function's {@code Schedule} event (an EventBridge rule).
 *
 * @param expression {@code rate(...)} or {@code cron(...)} as written
 * @param input      {@code Input}: the JSON text passed instead of the scheduled event, when set
 */
public record ScheduleEvent(String eventName, String expression, boolean enabled, Optional<String> input) {
}
