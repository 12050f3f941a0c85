package dev.damagedesk.localaws.template;

/**
 * An {@code HttpApi} event of a function.
 *
 * @param method upper case, {@code ANY} for any method
 * @param path   as in the template, e.g. {@code /v1/reports/{reportId}}; {@code $default} for the default route
 * @param apiLogicalId the {@code AWS::Serverless::HttpApi} it belongs to ({@code ServerlessHttpApi}, SAM's implicit
 *                     API, when the event names none)
 * @param auth         the event's {@code Auth}
 */
public record HttpRoute(String eventName, String method, String path, String apiLogicalId, RouteAuth auth) {

    /** A route without an {@code Auth} of its own (the API's default authorizer, if any, guards it). */
    public HttpRoute(String eventName, String method, String path, String apiLogicalId) {
        this(eventName, method, path, apiLogicalId, RouteAuth.DEFAULT);
    }

    /** The HTTP API route key, e.g. {@code POST /v1/reports}, or {@code $default}. */
    public String routeKey() {
        return DEFAULT_ROUTE.equals(path) ? DEFAULT_ROUTE : method + " " + path;
    }

    public static final String DEFAULT_ROUTE = "$default";
}
