package dev.damagedesk.localruntime.function;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;

/**
 * Picks the serializer for a handler's input or output type with the rule of Lambda's Java runtime
 * (aws-lambda-java-runtime-interface-client, {@code EventHandlerLoader.getSerializer}): an event class Lambda supports
 * (e.g. {@code SQSEvent}) gets {@link LambdaEventSerializers#serializerFor}, with its mix-ins for {@code Records} and
 * {@code eventSourceARN}; every other type (e.g. {@code APIGatewayV2HTTPEvent}, the handler's own POJOs) gets the
 * runtime's plain Jackson mapper. So a casing mismatch between a JSON field and a POJO property shows up locally
 * exactly as it would on AWS.
 */
final class RuntimeSerializers {

    private RuntimeSerializers() {
    }

    @SuppressWarnings({"unchecked", "rawtypes", "deprecation"})
    static PojoSerializer<Object> forType(Type type, ClassLoader classLoader) {
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return (PojoSerializer<Object>) (PojoSerializer) LambdaEventSerializers.serializerFor(eventClass, classLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
