package dev.damagedesk.localruntime.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerTypesTest {

    static class Direct implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
            return null;
        }
    }

    abstract static class JsonHandler<T> implements RequestHandler<T, Map<String, List<T>>> {
    }

    static class ThroughABase extends JsonHandler<SQSEvent> {
        @Override
        public Map<String, List<SQSEvent>> handleRequest(SQSEvent input, Context context) {
            return null;
        }
    }

    @SuppressWarnings("rawtypes")
    static class Raw implements RequestHandler {
        @Override
        public Object handleRequest(Object input, Context context) {
            return null;
        }
    }

    @Test
    void resolvesTheTypeArgumentsOfADirectImplementation() {
        assertThat(HandlerTypes.of(Direct.class)).isEqualTo(new HandlerTypes(SQSEvent.class, SQSBatchResponse.class));
    }

    @Test
    void resolvesTypeArgumentsBoundByASubclass() {
        HandlerTypes types = HandlerTypes.of(ThroughABase.class);

        assertThat(types.input()).isEqualTo(SQSEvent.class);
        assertThat(types.output()).isInstanceOfSatisfying(ParameterizedType.class, output -> {
            assertThat(output.getRawType()).isEqualTo(Map.class);
            assertThat(((ParameterizedType) output.getActualTypeArguments()[1]).getActualTypeArguments()[0]).isEqualTo(SQSEvent.class);
        });
    }

    @Test
    void aRawHandlerGetsObject() {
        assertThat(HandlerTypes.of(Raw.class)).isEqualTo(new HandlerTypes(Object.class, Object.class));
    }
}
