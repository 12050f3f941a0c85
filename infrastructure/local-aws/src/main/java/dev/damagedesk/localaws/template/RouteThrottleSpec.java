package dev.damagedesk.localaws.template;

import java.util.Optional;

/**
 * The throttle of an HTTP API's {@code DefaultRouteSettings} or of one entry of its {@code RouteSettings}, as written
 * in the template (literals or {@code !Ref} of a parameter, resolved by the local runtime with {@link TemplateValues}).
 * A limit left out means none at this level (on AWS the account's limit still applies; it is not emulated).
 *
 * @param rateLimit  {@code ThrottlingRateLimit}: requests per second refilled into the bucket
 * @param burstLimit {@code ThrottlingBurstLimit}: the bucket's size
 */
public record RouteThrottleSpec(Optional<Object> rateLimit, Optional<Object> burstLimit) {
}
