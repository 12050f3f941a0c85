package dev.damagedesk.localaws.template;

import java.util.Map;

/** An {@code AWS::Cognito::UserPoolClient} of a pool of the template. */
public record UserPoolClientSpec(String logicalId, String userPoolLogicalId, Map<String, Object> properties) {
    public UserPoolClientSpec {
        properties = TemplateMaps.unmodifiableCopy(properties);
    }
}
