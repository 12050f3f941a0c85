package dev.damagedesk.localaws.template;

import java.util.List;

/**
 * A JWT authorizer of an {@code AWS::Serverless::HttpApi}.
 *
 * @param issuer   {@code JwtConfiguration.issuer}, an unresolved template value
 * @param audience {@code JwtConfiguration.audience}, unresolved template values
 * @param identitySource the only one emulated: {@code $request.header.Authorization}
 */
public record JwtAuthorizerSpec(String name, Object issuer, List<Object> audience, String identitySource) {

    public static final String AUTHORIZATION_HEADER = "$request.header.Authorization";

    public JwtAuthorizerSpec {
        audience = List.copyOf(audience);
    }
}
