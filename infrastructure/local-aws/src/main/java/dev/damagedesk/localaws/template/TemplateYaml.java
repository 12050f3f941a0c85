package dev.damagedesk.localaws.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation / SAM template written in YAML into plain maps and lists, with every short-form
 * intrinsic tag ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) turned into its JSON form
 * ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [...]}}, {@code {"Fn::Sub": ...}}, ...), exactly as CloudFormation
 * itself converts a YAML template. The result can be validated against the SAM JSON schema.
 */
public final class TemplateYaml {

    /** Short tags that become {@code {"Fn::<Name>": value}}. */
    private static final List<String> FUNCTIONS = List.of(
            "Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
            "If", "Not", "Equals", "And", "Or", "Length", "ToJsonString");

    private TemplateYaml() {
    }

    /** Loads a template file; the root must be a mapping. */
    public static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses template text; {@code source} only names it in error messages. */
    public static Map<String, Object> parse(String yaml, String source) {
        return parse(new java.io.StringReader(yaml), source);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Reader reader, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // CloudFormation rejects duplicate keys too
        options.setCodePointLimit(10 * 1024 * 1024);
        Object document;
        try {
            document = new Yaml(new CloudFormationConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new TemplateException("Invalid template YAML in " + source + ": " + e.getMessage(), e);
        }
        if (!(document instanceof Map)) {
            throw new TemplateException("Template " + source + " is not a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    /** SafeConstructor (no arbitrary classes) plus the CloudFormation short tags. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            // CloudFormation keeps unquoted dates such as 2010-09-09 as strings, not timestamps.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        /** Builds the plain value of a tagged node: a string, a list or a map. */
        Object plainValue(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return new ArrayList<>(constructSequence(sequence));
            }
            if (node instanceof MappingNode mapping) {
                Map<Object, Object> map = new LinkedHashMap<>();
                map.putAll(constructMapping(mapping));
                return map;
            }
            throw new YAMLException("Unsupported node for tag " + node.getTag());
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(key, plainValue(node));
                return result;
            }
        }

        /** {@code !GetAtt Resource.Attribute} becomes {@code {"Fn::GetAtt": ["Resource", "Attribute"]}}. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = plainValue(node);
                if (value instanceof String text) {
                    int dot = text.indexOf('.');
                    if (dot <= 0 || dot == text.length() - 1) {
                        throw new YAMLException("!GetAtt needs Resource.Attribute, got '" + text + "'"
                                + node.getStartMark());
                    }
                    value = new ArrayList<>(List.of(text.substring(0, dot), text.substring(dot + 1)));
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("Fn::GetAtt", value);
                return result;
            }
        }
    }
}
