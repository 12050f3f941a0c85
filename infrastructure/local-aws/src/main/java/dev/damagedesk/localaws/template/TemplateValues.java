package dev.damagedesk.localaws.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves template values (literals and intrinsic functions in JSON form) to the strings they would have on AWS,
 * in the local world: parameters take their overrides or defaults, pseudo parameters are those of the local
 * account, resources are named by {@link LocalResourceNames}, and {@code {{resolve:secretsmanager:...}}} dynamic
 * references are replaced by the local secret values.
 */
public final class TemplateValues {

    public static final String REGION = LocalResourceNames.LOCAL_REGION;
    public static final String ACCOUNT_ID = LocalResourceNames.LOCAL_ACCOUNT_ID;
    public static final String STACK_NAME = "damagedesk-local";
    static final String CLOUDFRONT_DISTRIBUTION = "AWS::CloudFront::Distribution";

    /** {@code {{resolve:secretsmanager:<id>[:SecretString[:json-key[:version-stage[:version-id]]]]}}}. */
    private static final Pattern SECRET_REFERENCE =
            Pattern.compile("\\{\\{resolve:secretsmanager:([^}]+?)(?::SecretString((?::[^:}]*){0,3}))?}}");
    private static final Pattern ANY_DYNAMIC_REFERENCE = Pattern.compile("\\{\\{resolve:([a-z-]+):[^}]*}}");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    /** The value of {@code Ref AWS::NoValue}: the property is left out. */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private final SamTemplate template;
    private final Map<String, String> parameterOverrides;
    private final LocalResourceNames names;

    public TemplateValues(SamTemplate template, Map<String, String> parameterOverrides, LocalResourceNames names) {
        this.template = template;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.names = names;
        Map<String, Object> parameters = TemplateMaps.map(template.raw(), "Parameters", "Template");
        for (String name : this.parameterOverrides.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new TemplateException("Parameter override " + name + " names no parameter of the template");
            }
        }
    }

    /** A value as a string; throws a {@link TemplateException} naming what cannot be resolved locally. */
    public String resolve(Object value) {
        return resolveOptional(value).orElseThrow(() -> new TemplateException(
                "Value " + value + " resolves to AWS::NoValue and has no string form"));
    }

    /** A value as a string, empty when it resolves to {@code AWS::NoValue}. */
    public Optional<String> resolveOptional(Object value) {
        Object result = evaluate(value);
        if (result == NO_VALUE) {
            return Optional.empty();
        }
        if (!(result instanceof String text)) {
            throw new TemplateException("Value " + value + " resolves to a list " + result + ", not a string");
        }
        return Optional.of(replaceDynamicReferences(text));
    }

    /** A function's {@code Environment.Variables}, resolved; variables that resolve to AWS::NoValue are left out. */
    public Map<String, String> environmentOf(FunctionSpec function) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            try {
                resolveOptional(value).ifPresent(resolved -> environment.put(name, resolved));
            } catch (TemplateException e) {
                throw new TemplateException(function.logicalId() + ".Environment.Variables." + name + ": "
                        + e.getMessage(), e);
            }
        });
        return environment;
    }

    /** Evaluates a condition of the template's {@code Conditions} section. */
    public boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new TemplateException("Condition " + name + " is not defined in the template's Conditions");
        }
        return conditionValue(definition, name);
    }

    // ------------------------------------------------------------------ evaluation

    /** A string, a list of strings, or {@link #NO_VALUE}. */
    private Object evaluate(Object value) {
        if (value == null) {
            throw new TemplateException("A template value is missing (null)");
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number number) {
            return numberText(number);
        }
        if (value instanceof Boolean flag) {
            return flag.toString();
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object element : list) {
                Object evaluated = evaluate(element);
                if (evaluated == NO_VALUE) {
                    continue;
                }
                if (!(evaluated instanceof String text)) {
                    throw new TemplateException("Nested list " + evaluated + " in " + value + " has no string form");
                }
                result.add(text);
            }
            return result;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String function = String.valueOf(map.keySet().iterator().next());
            Object argument = map.values().iterator().next();
            return switch (function) {
                case "Ref" -> ref(text(argument, "Ref"));
                case "Fn::GetAtt" -> getAtt(argument);
                case "Fn::Sub" -> sub(argument);
                case "Fn::Join" -> join(argument);
                case "Fn::If" -> fnIf(argument);
                case "Fn::Select" -> select(argument);
                case "Fn::Split" -> split(argument);
                case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                        string(evaluate(argument), "Fn::Base64").getBytes(StandardCharsets.UTF_8));
                case "Fn::FindInMap" -> findInMap(argument);
                case "Fn::GetAZs" -> List.of(REGION + "a", REGION + "b", REGION + "c");
                default -> throw new TemplateException(function + " cannot be resolved locally: " + value);
            };
        }
        throw new TemplateException("Value " + value + " has no string form");
    }

    private static String numberText(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return number.toString();
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT_ID;
            case "AWS::Partition":
                return "aws";
            case "AWS::StackName":
                return STACK_NAME;
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return List.of();
            default:
                break;
        }
        Map<String, Object> parameters = TemplateMaps.map(template.raw(), "Parameters", "Template");
        if (parameters.containsKey(name)) {
            String value = parameterOverrides.containsKey(name) ? parameterOverrides.get(name)
                    : template.parameterDefaults().get(name);
            if (value == null) {
                throw new TemplateException("Parameter " + name + " has no Default and no override was given");
            }
            String type = TemplateMaps.string(TemplateMaps.map(parameters.get(name), name), "Type", name).orElse("");
            if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                return value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*"));
            }
            return value;
        }
        String type = template.resourceType(name).orElseThrow(() -> new TemplateException(
                "Ref " + name + ": no parameter, pseudo parameter or resource has that logical id"));
        return switch (type) {
            case SamTemplate.QUEUE -> names.queueUrl(name);
            case SamTemplate.TABLE, SamTemplate.SIMPLE_TABLE -> names.tableName(name);
            case SamTemplate.FUNCTION -> names.functionName(name);
            case SamTemplate.SECRET -> names.secretArn(name);
            case SamTemplate.HTTP_API -> name;
            case SamTemplate.USER_POOL -> names.userPoolId(name);
            case SamTemplate.USER_POOL_CLIENT -> names.userPoolClientId(name);
            case SamTemplate.USER_POOL_GROUP -> names.userPoolGroupName(name);
            case SamTemplate.BUCKET -> names.bucketName(name);
            case CLOUDFRONT_DISTRIBUTION -> name;
            default -> throw new TemplateException("Ref " + name + ": " + type + " is not emulated locally");
        };
    }

    private Object getAtt(Object argument) {
        List<Object> args = TemplateMaps.list(argument, "Fn::GetAtt");
        if (args.size() != 2) {
            throw new TemplateException("Fn::GetAtt needs [LogicalId, Attribute], got " + argument);
        }
        String logicalId = text(args.get(0), "Fn::GetAtt");
        String attribute = string(evaluate(args.get(1)), "Fn::GetAtt attribute");
        return getAtt(logicalId, attribute);
    }

    private String getAtt(String logicalId, String attribute) {
        String type = template.resourceType(logicalId).orElseThrow(() -> new TemplateException(
                "Fn::GetAtt " + logicalId + "." + attribute + ": no resource has that logical id"));
        String value = switch (type + "." + attribute) {
            case SamTemplate.QUEUE + ".Arn" -> names.queueArn(logicalId);
            case SamTemplate.QUEUE + ".QueueName" -> names.queueName(logicalId);
            case SamTemplate.QUEUE + ".QueueUrl" -> names.queueUrl(logicalId);
            case SamTemplate.TABLE + ".Arn" -> names.tableArn(logicalId);
            case SamTemplate.FUNCTION + ".Arn" -> names.functionArn(logicalId);
            case SamTemplate.SECRET + ".Id" -> names.secretArn(logicalId);
            case SamTemplate.USER_POOL + ".Arn" -> names.userPoolArn(logicalId);
            case SamTemplate.USER_POOL + ".UserPoolId" -> names.userPoolId(logicalId);
            case SamTemplate.USER_POOL + ".ProviderURL", SamTemplate.USER_POOL + ".ProviderName" ->
                    names.userPoolProviderUrl(logicalId);
            case SamTemplate.USER_POOL_CLIENT + ".ClientId" -> names.userPoolClientId(logicalId);
            case SamTemplate.BUCKET + ".Arn" -> names.bucketArn(logicalId);
            case SamTemplate.BUCKET + ".DomainName", SamTemplate.BUCKET + ".RegionalDomainName" ->
                    names.bucketDomainName(logicalId);
            case CLOUDFRONT_DISTRIBUTION + ".DomainName" -> names.distributionDomainName(logicalId);
            default -> null;
        };
        if (value == null) {
            throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + ": attribute " + attribute
                    + " of " + type + " is not emulated locally");
        }
        return value;
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            if (list.size() != 2) {
                throw new TemplateException("Fn::Sub needs a string or [string, {variables}], got " + argument);
            }
            text = text(list.get(0), "Fn::Sub");
            variables = TemplateMaps.map(list.get(1), "Fn::Sub variables");
        } else {
            text = text(argument, "Fn::Sub");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            String replacement;
            if (expression.startsWith("!")) {
                replacement = "${" + expression.substring(1) + "}"; // ${!Literal} stays ${Literal}
            } else if (variables.containsKey(expression)) {
                replacement = string(evaluate(variables.get(expression)), "Fn::Sub variable " + expression);
            } else {
                int dot = expression.indexOf('.');
                if (dot > 0 && !expression.startsWith("AWS::")) {
                    replacement = getAtt(expression.substring(0, dot), expression.substring(dot + 1));
                } else {
                    replacement = string(ref(expression.trim()), "${" + expression + "}");
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return names.localUrl(result.toString());
    }

    private String join(Object argument) {
        List<Object> args = TemplateMaps.list(argument, "Fn::Join");
        if (args.size() != 2) {
            throw new TemplateException("Fn::Join needs [delimiter, [values]], got " + argument);
        }
        String delimiter = text(args.get(0), "Fn::Join delimiter");
        return names.localUrl(String.join(delimiter, list(evaluate(args.get(1)), "Fn::Join values")));
    }

    private Object fnIf(Object argument) {
        List<Object> args = TemplateMaps.list(argument, "Fn::If");
        if (args.size() != 3) {
            throw new TemplateException("Fn::If needs [condition, valueIfTrue, valueIfFalse], got " + argument);
        }
        return evaluate(condition(text(args.get(0), "Fn::If condition")) ? args.get(1) : args.get(2));
    }

    private Object select(Object argument) {
        List<Object> args = TemplateMaps.list(argument, "Fn::Select");
        if (args.size() != 2) {
            throw new TemplateException("Fn::Select needs [index, [values]], got " + argument);
        }
        int index = Integer.parseInt(string(evaluate(args.get(0)), "Fn::Select index"));
        List<String> values = list(evaluate(args.get(1)), "Fn::Select values");
        if (index < 0 || index >= values.size()) {
            throw new TemplateException("Fn::Select index " + index + " is outside " + values);
        }
        return values.get(index);
    }

    private Object split(Object argument) {
        List<Object> args = TemplateMaps.list(argument, "Fn::Split");
        if (args.size() != 2) {
            throw new TemplateException("Fn::Split needs [delimiter, string], got " + argument);
        }
        String delimiter = text(args.get(0), "Fn::Split delimiter");
        String source = string(evaluate(args.get(1)), "Fn::Split source");
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }

    private Object findInMap(Object argument) {
        List<Object> args = TemplateMaps.list(argument, "Fn::FindInMap");
        if (args.size() != 3) {
            throw new TemplateException("Fn::FindInMap needs [map, topKey, secondKey], got " + argument);
        }
        String mapName = string(evaluate(args.get(0)), "Fn::FindInMap map");
        String top = string(evaluate(args.get(1)), "Fn::FindInMap top key");
        String second = string(evaluate(args.get(2)), "Fn::FindInMap second key");
        Map<String, Object> mapping = TemplateMaps.map(template.mappings().get(mapName), "Mappings." + mapName);
        Object value = TemplateMaps.map(mapping.get(top), "Mappings." + mapName + "." + top).get(second);
        if (value == null) {
            throw new TemplateException("Fn::FindInMap: Mappings." + mapName + "." + top + "." + second
                    + " is not defined");
        }
        return evaluate(value);
    }

    private boolean conditionValue(Object definition, String where) {
        if (definition instanceof Boolean flag) {
            return flag;
        }
        if (!(definition instanceof Map<?, ?> map) || map.size() != 1) {
            throw new TemplateException("Condition " + where + " is not a condition function: " + definition);
        }
        String function = String.valueOf(map.keySet().iterator().next());
        Object argument = map.values().iterator().next();
        List<Object> args = function.equals("Condition") ? List.of() : TemplateMaps.list(argument, function);
        return switch (function) {
            case "Condition" -> condition(text(argument, "Condition"));
            case "Fn::Equals" -> {
                if (args.size() != 2) {
                    throw new TemplateException("Fn::Equals needs two values, got " + argument);
                }
                yield evaluate(args.get(0)).equals(evaluate(args.get(1)));
            }
            case "Fn::Not" -> {
                if (args.size() != 1) {
                    throw new TemplateException("Fn::Not needs one condition, got " + argument);
                }
                yield !conditionValue(args.get(0), where);
            }
            case "Fn::And" -> args.stream().allMatch(arg -> conditionValue(arg, where));
            case "Fn::Or" -> args.stream().anyMatch(arg -> conditionValue(arg, where));
            default -> throw new TemplateException("Condition " + where + " uses " + function
                    + ", which is not a condition function");
        };
    }

    // ------------------------------------------------------------------ dynamic references

    private String replaceDynamicReferences(String text) {
        if (!text.contains("{{resolve:")) {
            return text;
        }
        Matcher matcher = SECRET_REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String secretId = matcher.group(1);
            String options = matcher.group(2);
            if (options != null && !options.isEmpty() && !options.replace(":", "").isEmpty()) {
                throw new TemplateException("Dynamic reference " + matcher.group()
                        + ": JSON keys and version stages of secrets are not emulated locally");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(names.secretValue(secretId)));
        }
        matcher.appendTail(result);
        Matcher other = ANY_DYNAMIC_REFERENCE.matcher(result);
        if (other.find()) {
            throw new TemplateException("Dynamic reference " + other.group() + " cannot be resolved locally"
                    + " (only {{resolve:secretsmanager:...:SecretString}} is emulated)");
        }
        return result.toString();
    }

    // ------------------------------------------------------------------ helpers

    private static String text(Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        throw new TemplateException(where + " needs a literal string, got: " + value);
    }

    private static String string(Object evaluated, String where) {
        if (evaluated instanceof String text) {
            return text;
        }
        throw new TemplateException(where + " needs a string value, got: " + evaluated);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object evaluated, String where) {
        if (evaluated instanceof List<?> list) {
            return (List<String>) list;
        }
        throw new TemplateException(where + " needs a list value, got: " + evaluated);
    }
}
