package dev.damagedesk.localaws.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} merged in.
 *
 * @param environment {@code Environment.Variables}, values still unresolved template values (see {@link TemplateValues})
 */
public record FunctionSpec(
        String logicalId,
        String handler,
        int timeoutSeconds,
        int memoryMb,
        Map<String, Object> environment,
        List<HttpRoute> httpRoutes,
        List<SqsEventSource> sqsEventSources,
        List<ScheduleEvent> schedules) {

    public FunctionSpec {
        environment = TemplateMaps.unmodifiableCopy(environment);
        httpRoutes = List.copyOf(httpRoutes);
        sqsEventSources = List.copyOf(sqsEventSources);
        schedules = List.copyOf(schedules);
    }

    /** A function without {@code Schedule} events. */
    public FunctionSpec(String logicalId, String handler, int timeoutSeconds, int memoryMb,
                        Map<String, Object> environment, List<HttpRoute> httpRoutes,
                        List<SqsEventSource> sqsEventSources) {
        this(logicalId, handler, timeoutSeconds, memoryMb, environment, httpRoutes, sqsEventSources, List.of());
    }

    /** The handler class, the part of {@code Handler} before {@code ::}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The handler method, the part of {@code Handler} after {@code ::}; {@code handleRequest} when absent. */
    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 || separator + 2 == handler.length() ? "handleRequest" : handler.substring(separator + 2);
    }
}
