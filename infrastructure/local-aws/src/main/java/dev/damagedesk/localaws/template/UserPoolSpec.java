package dev.damagedesk.localaws.template;

import java.util.Map;

/** An {@code AWS::Cognito::UserPool}; {@code properties} as in the template (only emulated ones are accepted). */
public record UserPoolSpec(String logicalId, Map<String, Object> properties) {
    public UserPoolSpec {
        properties = TemplateMaps.unmodifiableCopy(properties);
    }
}
