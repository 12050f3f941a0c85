package dev.damagedesk.localruntime.gateway;

import dev.damagedesk.localaws.template.HttpApiSpec;
import dev.damagedesk.localaws.template.RouteThrottleSpec;
import dev.damagedesk.localaws.template.TemplateException;
import dev.damagedesk.localaws.template.TemplateValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * An HTTP API's route throttles as API Gateway applies them: a token bucket per route, of {@code ThrottlingBurstLimit}
 * tokens refilled at {@code ThrottlingRateLimit} per second, from the route's {@code RouteSettings} or else the API's
 * {@code DefaultRouteSettings}. A request that finds the bucket empty is refused with a 429 before any authorizer or
 * function runs. The account-level limit of AWS (shared by every API of the region) is not emulated.
 */
public final class RouteThrottles {

    /** One route's bucket; {@code rate} and {@code burst} as in the template (a missing one: no limit). */
    static final class Bucket {
        private final double ratePerSecond;
        private final double burst;
        private final LongSupplier nanoTime;
        private double tokens;
        private long refilledAt;

        Bucket(double ratePerSecond, double burst, LongSupplier nanoTime) {
            this.ratePerSecond = ratePerSecond;
            this.burst = burst;
            this.nanoTime = nanoTime;
            this.tokens = burst;
            this.refilledAt = nanoTime.getAsLong();
        }

        /** Takes a token; when there is none, the whole seconds until there will be one (at least 1). */
        synchronized OptionalLong take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            if (ratePerSecond <= 0 || burst < 1) {
                return OptionalLong.of(1); // never admits: the client learns nothing better by waiting longer
            }
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond)));
        }
    }

    private final Map<String, Bucket> byRouteKey;
    private final Optional<Bucket> defaultBucket;

    RouteThrottles(Map<String, Bucket> byRouteKey, Optional<Bucket> defaultBucket) {
        this.byRouteKey = Map.copyOf(byRouteKey);
        this.defaultBucket = defaultBucket;
    }

    /** No throttle on any route. */
    public static RouteThrottles none() {
        return new RouteThrottles(Map.of(), Optional.empty());
    }

    /** The API's throttles with their parameters resolved (overrides included). */
    public static RouteThrottles of(HttpApiSpec api, TemplateValues values) {
        return of(api, values, System::nanoTime);
    }

    static RouteThrottles of(HttpApiSpec api, TemplateValues values, LongSupplier nanoTime) {
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        api.routeThrottles().forEach((routeKey, spec) -> bucket(spec, api.defaultThrottle(), values,
                api.logicalId() + ".RouteSettings." + routeKey, nanoTime).ifPresent(b -> buckets.put(routeKey, b)));
        Optional<Bucket> fallback = api.defaultThrottle().flatMap(spec -> bucket(spec, Optional.empty(), values,
                api.logicalId() + ".DefaultRouteSettings", nanoTime));
        return new RouteThrottles(buckets, fallback);
    }

    /** A route's own limit wins; one it leaves out comes from the API's defaults, as a stage's route settings merge. */
    private static Optional<Bucket> bucket(RouteThrottleSpec spec, Optional<RouteThrottleSpec> defaults,
                                           TemplateValues values, String where, LongSupplier nanoTime) {
        Optional<Double> rate = spec.rateLimit().or(() -> defaults.flatMap(RouteThrottleSpec::rateLimit))
                .map(value -> number(values, value, where + ".ThrottlingRateLimit"));
        Optional<Double> burst = spec.burstLimit().or(() -> defaults.flatMap(RouteThrottleSpec::burstLimit))
                .map(value -> number(values, value, where + ".ThrottlingBurstLimit"));
        if (rate.isEmpty() && burst.isEmpty()) {
            return Optional.empty();
        }
        // only one limit: the other is unbounded (a burst without a rate never refills, as on API Gateway)
        return Optional.of(new Bucket(rate.orElse(Double.MAX_VALUE / 4), burst.orElse(Double.MAX_VALUE / 4), nanoTime));
    }

    private static double number(TemplateValues values, Object value, String where) {
        String text = values.resolve(value);
        try {
            double number = Double.parseDouble(text);
            if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException(text);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " must be a number of at least 0, got '" + text + "'");
        }
    }

    /**
     * Admits a request to a route, or says after how many seconds to retry.
     *
     * @param routeKey the matched route's key, e.g. {@code POST /v1/reports}
     */
    public OptionalLong admit(String routeKey) {
        Bucket bucket = byRouteKey.get(routeKey);
        if (bucket == null) {
            bucket = defaultBucket.orElse(null);
        }
        return bucket == null ? OptionalLong.empty() : bucket.take();
    }
}
