package dev.damagedesk.localaws.template;

import java.util.Optional;

/** An {@code AWS::Cognito::UserPoolGroup} of a pool of the template. */
public record UserPoolGroupSpec(String logicalId, String userPoolLogicalId, String groupName,
                                Optional<Integer> precedence, Optional<String> description) {
}
