package dev.damagedesk.localruntime;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.template.CorsSpec;
import dev.damagedesk.localaws.template.HttpApiSpec;
import dev.damagedesk.localaws.template.HttpRoute;
import dev.damagedesk.localaws.template.JwtAuthorizerSpec;
import dev.damagedesk.localaws.template.LocalResourceNames;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateException;
import dev.damagedesk.localaws.template.TemplateValues;
import dev.damagedesk.localaws.template.UserPoolClientSpec;
import dev.damagedesk.localruntime.gateway.CorsPolicy;
import dev.damagedesk.localruntime.gateway.JwtAuthorizer;
import dev.damagedesk.localruntime.gateway.StaticSite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The staff side of the template, made local: each HTTP API's JWT authorizers (issuer and audience resolved to
 * cognito-local's pool and client), its CORS configuration (the CloudFront distribution's domain resolved to the
 * origin the admin page is served from locally), and the admin page itself, the folder {@value #PAGE_FOLDER} served
 * at {@value #PAGE_PREFIX} with the distribution's response headers policy and a generated {@code config.json}.
 */
final class StaffSide {

    static final String PAGE_FOLDER = "infrastructure/admin-page";
    static final String PAGE_PREFIX = "/admin/";
    static final String DISTRIBUTION = "AWS::CloudFront::Distribution";
    static final String RESPONSE_HEADERS_POLICY = "AWS::CloudFront::ResponseHeadersPolicy";

    private final LocalCloud cloud;
    private final Map<String, Map<String, JwtAuthorizer>> authorizersByApi = new LinkedHashMap<>();

    StaffSide(LocalCloud cloud) {
        this.cloud = cloud;
        for (HttpApiSpec api : cloud.template().httpApiSpecs()) {
            Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
            api.authorizers().forEach((name, spec) -> authorizers.put(name, authorizer(api, spec)));
            authorizersByApi.put(api.logicalId(), authorizers);
        }
    }

    private JwtAuthorizer authorizer(HttpApiSpec api, JwtAuthorizerSpec spec) {
        TemplateValues values = cloud.values();
        String where = api.logicalId() + ".Auth.Authorizers." + spec.name();
        String issuer;
        List<String> audience = new ArrayList<>();
        try {
            issuer = values.resolve(spec.issuer());
            spec.audience().forEach(value -> audience.add(values.resolve(value)));
        } catch (TemplateException | IllegalArgumentException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        }
        Set<String> localIssuers = new TreeSet<>();
        cloud.template().userPools().forEach(pool -> localIssuers.add(cloud.resources().issuer(pool.logicalId())));
        if (!localIssuers.contains(issuer)) {
            throw new TemplateException(where + ": issuer " + issuer + " is not a user pool of the template ("
                    + localIssuers + "); the local gateway verifies tokens of the template's pools only");
        }
        return new JwtAuthorizer(spec.name(), issuer, audience, JwtAuthorizer.cognitoJwksUri(issuer), Clock.systemUTC());
    }

    /** The authorizer guarding a route, empty for an open one. */
    Optional<JwtAuthorizer> authorizerFor(HttpRoute route) {
        HttpApiSpec api = cloud.template().httpApi(route.apiLogicalId());
        return api.authorizerFor(route).map(spec -> authorizersByApi.get(api.logicalId()).get(spec.name()));
    }

    /** The API's CORS policy, origins resolved; {@code pageOrigin} stands for the CloudFront distribution's. */
    Optional<CorsPolicy> cors(String apiLogicalId, URI pageOrigin) {
        return cloud.template().httpApi(apiLogicalId).cors().map(spec -> corsPolicy(spec, pageOrigin));
    }

    private CorsPolicy corsPolicy(CorsSpec spec, URI pageOrigin) {
        List<String> origins = new ArrayList<>();
        for (Object origin : spec.allowOrigins()) {
            origins.add(localOrigin(cloud.values().resolve(origin), pageOrigin));
        }
        return new CorsPolicy(origins, spec.allowMethods(), spec.allowHeaders(), spec.exposeHeaders(),
                spec.allowCredentials(), spec.maxAgeSeconds());
    }

    /** {@code https://<distribution>.cloudfront.localhost} is the admin page's local origin; others stay. */
    static String localOrigin(String origin, URI pageOrigin) {
        if (origin.startsWith("https://") && origin.endsWith(LocalResourceNames.DISTRIBUTION_DOMAIN_SUFFIX)) {
            return origin(pageOrigin);
        }
        return origin;
    }

    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The one CloudFront distribution's logical id, when the template has one. */
    Optional<String> distribution() {
        List<String> distributions = new ArrayList<>();
        cloud.template().resources().forEach((id, resource) -> {
            if (cloud.template().resourceType(id).filter(DISTRIBUTION::equals).isPresent()) {
                distributions.add(id);
            }
        });
        if (distributions.size() > 1) {
            throw new TemplateException("The template has " + distributions.size() + " CloudFront distributions "
                    + distributions + "; the local runtime serves the admin page as one only");
        }
        return distributions.stream().findFirst();
    }

    /** The HTTP API whose CORS configuration allows the distribution's origin: the one the page calls. */
    Optional<String> pageApi(URI pageOrigin) {
        for (HttpApiSpec api : cloud.template().httpApiSpecs()) {
            Optional<CorsPolicy> policy = cors(api.logicalId(), pageOrigin);
            if (policy.isPresent() && policy.get().allowOrigins().contains(origin(pageOrigin))) {
                return Optional.of(api.logicalId());
            }
        }
        return Optional.empty();
    }

    /**
     * The admin page as the distribution serves it: its response headers policy's headers, with the CSP's
     * {@code connect-src} sources for API Gateway and Cognito replaced by the local gateways and cognito-local.
     */
    StaticSite adminPage(Path repositoryRoot, String distribution, URI pageOrigin, Map<String, URI> apiBaseUris) {
        List<Map.Entry<String, String>> headers = securityHeaders(distribution, apiBaseUris);
        Map<String, Supplier<byte[]>> generated = Map.of("config.json", () -> pageConfig(pageOrigin, apiBaseUris));
        return new StaticSite(PAGE_PREFIX, repositoryRoot.resolve(PAGE_FOLDER), generated, headers);
    }

    /** What the page needs to know: where the admin API is, and the pool and app client to sign in with. */
    byte[] pageConfig(URI pageOrigin, Map<String, URI> apiBaseUris) {
        Map<String, Object> config = new LinkedHashMap<>();
        String api = pageApi(pageOrigin).orElseThrow(() -> new TemplateException(
                "No HTTP API of the template allows the admin page's origin in its CorsConfiguration"));
        config.put("apiBaseUrl", apiBaseUris.get(api).toString());
        HttpApiSpec spec = cloud.template().httpApi(api);
        JwtAuthorizerSpec authorizer = spec.defaultAuthorizer().map(spec.authorizers()::get)
                .or(() -> spec.authorizers().values().stream().findFirst())
                .orElseThrow(() -> new TemplateException(api + " has no JWT authorizer: the page has no one to sign in with"));
        String clientId = cloud.values().resolve(authorizer.audience().get(0));
        UserPoolClientSpec client = cloud.template().userPoolClients().stream()
                .filter(c -> cloud.resources().userPoolClientId(c.logicalId()).equals(clientId)).findFirst()
                .orElseThrow(() -> new TemplateException(api + "'s audience " + clientId + " is no app client of the template"));
        Map<String, Object> cognito = new LinkedHashMap<>();
        cognito.put("endpoint", cloud.aws().cognitoEndpoint().toString());
        cognito.put("region", cloud.aws().region());
        cognito.put("userPoolId", cloud.resources().userPoolId(client.userPoolLogicalId()));
        cognito.put("clientId", clientId);
        config.put("cognito", cognito);
        config.put("local", true);
        try {
            return JSON.std.asBytes(config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map.Entry<String, String>> securityHeaders(String distribution, Map<String, URI> apiBaseUris) {
        SamTemplate template = cloud.template();
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) template
                .resources().get(distribution)).get("Properties")).get("DistributionConfig");
        Object policyId = ((Map<String, Object>) config.get("DefaultCacheBehavior")).get("ResponseHeadersPolicyId");
        if (!(policyId instanceof Map<?, ?> ref) || !(ref.get("Ref") instanceof String policyLogicalId)
                || template.resourceType(policyLogicalId).filter(RESPONSE_HEADERS_POLICY::equals).isEmpty()) {
            throw new TemplateException(distribution + ".DefaultCacheBehavior.ResponseHeadersPolicyId must be !Ref of an "
                    + RESPONSE_HEADERS_POLICY + " of the template for the local runtime to serve the same headers");
        }
        Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) template
                .resources().get(policyLogicalId)).get("Properties")).get("ResponseHeadersPolicyConfig");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Map<String, Object> security = (Map<String, Object>) policy.getOrDefault("SecurityHeadersConfig", Map.of());
        Set<String> unknown = new TreeSet<>(security.keySet());
        unknown.removeAll(Set.of("ContentSecurityPolicy", "StrictTransportSecurity", "ContentTypeOptions",
                "FrameOptions", "ReferrerPolicy", "XSSProtection"));
        if (!unknown.isEmpty()) {
            throw new TemplateException(policyLogicalId + ".SecurityHeadersConfig: " + unknown + " cannot be served locally");
        }
        if (security.get("ContentSecurityPolicy") instanceof Map<?, ?> csp) {
            headers.add(Map.entry("Content-Security-Policy",
                    localCsp(cloud.values().resolve(csp.get("ContentSecurityPolicy")), apiBaseUris)));
        }
        if (security.get("StrictTransportSecurity") instanceof Map<?, ?> hsts) {
            headers.add(Map.entry("Strict-Transport-Security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                    + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
                    + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : "")));
        }
        if (security.containsKey("ContentTypeOptions")) {
            headers.add(Map.entry("X-Content-Type-Options", "nosniff"));
        }
        if (security.get("FrameOptions") instanceof Map<?, ?> frame) {
            headers.add(Map.entry("X-Frame-Options", String.valueOf(frame.get("FrameOption"))));
        }
        if (security.get("ReferrerPolicy") instanceof Map<?, ?> referrer) {
            headers.add(Map.entry("Referrer-Policy", String.valueOf(referrer.get("ReferrerPolicy"))));
        }
        if (security.get("XSSProtection") instanceof Map<?, ?> xss) {
            headers.add(Map.entry("X-XSS-Protection", Boolean.TRUE.equals(xss.get("Protection"))
                    ? "1" + (Boolean.TRUE.equals(xss.get("ModeBlock")) ? "; mode=block" : "") : "0"));
        }
        Map<String, Object> custom = (Map<String, Object>) policy.getOrDefault("CustomHeadersConfig", Map.of());
        for (Object item : (List<Object>) custom.getOrDefault("Items", List.of())) {
            Map<String, Object> header = (Map<String, Object>) item;
            headers.add(Map.entry(String.valueOf(header.get("Header")), cloud.values().resolve(header.get("Value"))));
        }
        return headers;
    }

    /**
     * The CSP with each {@code connect-src} source for API Gateway ({@code *.execute-api.*}) replaced by the local
     * gateways' origins, and each for Cognito ({@code cognito-idp.*}) by cognito-local's; every other directive as is.
     */
    String localCsp(String csp, Map<String, URI> apiBaseUris) {
        List<String> directives = new ArrayList<>();
        for (String directive : csp.split(";")) {
            String trimmed = directive.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.startsWith("connect-src ")) {
                directives.add(trimmed);
                continue;
            }
            List<String> sources = new ArrayList<>();
            for (String source : trimmed.substring("connect-src ".length()).trim().split("\\s+")) {
                if (source.contains(".execute-api.")) {
                    apiBaseUris.values().forEach(uri -> addOnce(sources, origin(uri)));
                } else if (source.contains("cognito-idp.")) {
                    addOnce(sources, origin(cloud.aws().cognitoEndpoint()));
                } else {
                    addOnce(sources, source);
                }
            }
            directives.add("connect-src " + String.join(" ", sources));
        }
        return String.join("; ", directives);
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
