package dev.damagedesk.localaws.localstack;

import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateValues;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The SES identities (email addresses or domains) the template's functions may send from, read from their
 * {@code Policies}, so that a backend that enforces verified senders can verify exactly those: statements that allow
 * {@code ses:SendEmail}, {@code ses:SendRawEmail} or {@code ses:*} on {@code arn:...:identity/<identity>}
 * resources, and SAM policy templates with an {@code IdentityName} ({@code SESCrudPolicy}, ...). A {@code *}
 * resource names no identity and adds none.
 */
final class SesSenderIdentities {

    private static final Set<String> SEND_ACTIONS = Set.of("ses:sendemail", "ses:sendrawemail", "ses:*");
    private static final String IDENTITY = ":identity/";

    private SesSenderIdentities() {
    }

    static Set<String> of(SamTemplate template, TemplateValues values) {
        Set<String> identities = new LinkedHashSet<>();
        for (FunctionSpec function : template.functions()) {
            for (Object policy : list(template.functionProperties(function.logicalId()).get("Policies"))) {
                if (!(policy instanceof Map<?, ?> document)) {
                    continue; // a managed policy's name
                }
                for (Object statement : list(document.get("Statement"))) {
                    if (statement instanceof Map<?, ?> allowed && allowsSending(allowed)) {
                        for (Object resource : list(allowed.get("Resource"))) {
                            String arn = values.resolve(resource);
                            int at = arn.indexOf(IDENTITY);
                            if (at >= 0) {
                                identities.add(arn.substring(at + IDENTITY.length()));
                            }
                        }
                    }
                }
                document.forEach((name, parameters) -> {
                    if (String.valueOf(name).startsWith("SES") && parameters instanceof Map<?, ?> map
                            && map.containsKey("IdentityName")) {
                        identities.add(values.resolve(map.get("IdentityName")));
                    }
                });
            }
        }
        return identities;
    }

    private static boolean allowsSending(Map<?, ?> statement) {
        return !"Deny".equals(statement.get("Effect"))
                && list(statement.get("Action")).stream().anyMatch(action ->
                        SEND_ACTIONS.contains(String.valueOf(action).toLowerCase(Locale.ROOT)));
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : Stream.of(value).toList();
    }
}
