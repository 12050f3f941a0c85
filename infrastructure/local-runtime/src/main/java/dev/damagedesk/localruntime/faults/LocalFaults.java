package dev.damagedesk.localruntime.faults;

import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code --fault-injection} adds to a local runtime: the decisions ({@link FaultInjection}), a {@link FaultProxy}
 * in front of DynamoDB and one in front of SES for the functions' calls, and the {@link FaultControl} API.
 */
public final class LocalFaults implements AutoCloseable {

    private final FaultInjection injection;
    private final FaultProxy dynamoDb;
    private final FaultProxy ses;
    private final FaultControl control;

    private LocalFaults(FaultInjection injection, FaultProxy dynamoDb, FaultProxy ses, FaultControl control) {
        this.injection = injection;
        this.dynamoDb = dynamoDb;
        this.ses = ses;
        this.control = control;
    }

    /** @param functions the template's functions, by logical id */
    public static LocalFaults start(LocalAws aws, Set<String> functions, long seed) {
        FaultInjection injection = new FaultInjection(aws, seed);
        FaultProxy dynamoDb = FaultProxy.start(FaultInjection.Service.DYNAMODB, aws.dynamoDbEndpoint(), injection);
        FaultProxy ses = null;
        try {
            ses = FaultProxy.start(FaultInjection.Service.SES, aws.sesEndpoint(), injection);
            return new LocalFaults(injection, dynamoDb, ses, FaultControl.start(injection, functions));
        } catch (RuntimeException e) {
            dynamoDb.close();
            if (ses != null) {
                ses.close();
            }
            throw e;
        }
    }

    public FaultInjection injection() {
        return injection;
    }

    /** {@code http://127.0.0.1:<port>/faults} */
    public URI controlEndpoint() {
        return control.endpoint();
    }

    /** The functions' endpoint variables (and their system-property names, in-process) pointed at the proxies. */
    public Map<String, String> endpointOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        overrides.put("aws.endpointUrlDynamoDb", dynamoDb.endpoint().toString());
        overrides.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
        overrides.put("aws.endpointUrlSesV2", ses.endpoint().toString());
        return overrides;
    }

    /** The function, failing as the injection decides. */
    public LambdaFunction wrap(LambdaFunction function) {
        return new FaultyFunction(function, injection);
    }

    @Override
    public void close() {
        control.close();
        dynamoDb.close();
        ses.close();
    }
}
