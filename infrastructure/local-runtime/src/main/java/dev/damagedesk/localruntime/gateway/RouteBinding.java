package dev.damagedesk.localruntime.gateway;

import dev.damagedesk.localaws.template.HttpRoute;
import dev.damagedesk.localruntime.function.LocalFunction;

/** A route of the HTTP API and the function its Lambda proxy integration invokes. */
public record RouteBinding(HttpRoute route, LocalFunction function) {
}
