package dev.damagedesk.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** GET /products/{id}: the Dagger sample's handler shape (component built in the constructor, one read, Jackson). */
public final class DaggerSampleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProductDao products;
    private final ObjectMapper mapper;

    public DaggerSampleHandler() {
        SampleComponent component = DaggerSampleComponent.create();
        this.products = component.products();
        this.mapper = component.mapper();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String id = Optional.ofNullable(event.getPathParameters()).map(parameters -> parameters.get("id")).orElse("none");
        Optional<ProductDao.Product> product = products.find(id);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(product.isPresent() ? 200 : 404)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(mapper.writeValueAsString(product.isPresent() ? product.get() : Map.of("message", "not found")))
                    .build();
        } catch (JsonProcessingException e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).build();
        }
    }
}
