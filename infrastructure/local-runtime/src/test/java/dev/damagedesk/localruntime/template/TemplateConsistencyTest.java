package dev.damagedesk.localruntime.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.jr.ob.JSON;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.QueueSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.SqsEventSource;
import dev.damagedesk.localaws.template.TemplateYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps template.yaml, the code and the README from drifting apart: the template is the single source of
 * truth, so every other place that depends on it is checked against it here.
 */
class TemplateConsistencyTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve("template.yaml"));
    private static final Pattern SETTING_READ = Pattern.compile("(?:required|intValue|optional)\\(\"([A-Z][A-Z0-9_]+)\"");
    /** Set by Lambda itself, or by the local runtime to reach the emulators; never by the template. */
    private static final Set<String> PLATFORM_SETTINGS = Set.of("AWS_REGION", "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SESV2");

    @Test
    void theTemplateIsValidAgainstTheOfficialSamSchema() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(ROOT.resolve("infrastructure/sam-schema/sam.schema.json")), InputFormat.JSON);
        String templateJson = JSON.std.asString(TemplateYaml.load(ROOT.resolve("template.yaml")));

        List<Error> errors = schema.validate(templateJson, InputFormat.JSON);

        assertThat(errors).extracting(error -> error.getInstanceLocation() + ": " + error.getMessage()).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMisspeltProperty() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(ROOT.resolve("infrastructure/sam-schema/sam.schema.json")), InputFormat.JSON);
        String misspelt = JSON.std.asString(TemplateYaml.load(ROOT.resolve("template.yaml")))
                .replace("\"MemorySize\"", "\"MemorySiz\"");

        assertThat(schema.validate(misspelt, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void everyHandlerIsAConstructibleRequestHandlerOnTheClasspath() throws Exception {
        assertThat(TEMPLATE.functions()).extracting(FunctionSpec::logicalId)
                .containsExactlyInAnyOrder("IntakeFunction", "ProcessorFunction", "NotifierFunction", "RescoreFunction");
        for (FunctionSpec function : TEMPLATE.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class).as(function.logicalId()).isAssignableFrom(handler);
            assertThat(handler.getConstructor()).as(function.logicalId() + " needs Lambda's public no-arg constructor").isNotNull();
            assertThat(function.handlerMethod()).isEqualTo("handleRequest");
        }
    }

    @Test
    void everySettingTheCodeReadsIsGivenByTheTemplateAndEveryGivenSettingIsRead() throws IOException {
        Set<String> readAnywhere = new TreeSet<>();
        for (FunctionSpec function : TEMPLATE.functions()) {
            Set<String> read = settingsReadBy(moduleOf(function));
            readAnywhere.addAll(read);
            Set<String> given = function.environment().keySet();
            read.removeAll(PLATFORM_SETTINGS);
            assertThat(given).as(function.logicalId() + " environment in template.yaml").containsAll(read);
        }
        Set<String> given = new TreeSet<>();
        TEMPLATE.functions().forEach(function -> given.addAll(function.environment().keySet()));
        given.remove("JAVA_TOOL_OPTIONS");
        assertThat(readAnywhere).as("settings the code reads").containsAll(given);
    }

    @Test
    void everyQueueEventSourceReportsPartialFailuresAndEveryQueueHasADeadLetterQueue() {
        for (FunctionSpec function : TEMPLATE.functions()) {
            for (SqsEventSource source : function.sqsEventSources()) {
                assertThat(source.reportBatchItemFailures()).as(function.logicalId() + " ReportBatchItemFailures").isTrue();
                assertThat(source.batchSize()).as(function.logicalId() + " batch size").isGreaterThanOrEqualTo(10);
                QueueSpec queue = TEMPLATE.queue(source.queueLogicalId());
                assertThat(queue.deadLetterQueueLogicalId()).as(queue.logicalId() + " dead-letter queue").isPresent();
                assertThat(queue.maxReceiveCount()).isBetween(2, 20);
                assertThat(queue.visibilityTimeoutSeconds()).as(queue.logicalId() + " visibility timeout")
                        .isGreaterThanOrEqualTo(6 * function.timeoutSeconds());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void policiesNameTheirResourcesAndActionsExactly() {
        for (FunctionSpec function : TEMPLATE.functions()) {
            List<Object> policies = (List<Object>) TEMPLATE.functionProperties(function.logicalId()).get("Policies");
            assertThat(policies).as(function.logicalId() + " policies").isNotEmpty();
            for (Object policy : policies) {
                List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement");
                for (Map<String, Object> statement : statements) {
                    assertThat(statement.get("Resource")).as(function.logicalId() + " " + statement.get("Sid")).isNotEqualTo("*");
                    Object actions = statement.get("Action");
                    List<Object> actionList = actions instanceof List<?> list ? (List<Object>) list : List.of(actions);
                    assertThat(actionList).allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
                }
            }
        }
    }

    @Test
    void theReadmeNamesEveryFunctionModuleAndSettingAndCiRunsItsTestCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        TEMPLATE.functions().forEach(function -> assertThat(readme).contains(function.logicalId())
                .contains(function.handlerClass().substring(function.handlerClass().lastIndexOf('.') + 1)));
        try (Stream<Path> modules = Stream.of("functions", "infrastructure", "tools").flatMap(TemplateConsistencyTest::foldersIn)) {
            modules.filter(Files::isDirectory).forEach(module ->
                    assertThat(readme).contains("`" + ROOT.relativize(module) + "`"));
        }
        TEMPLATE.functions().forEach(function -> function.environment().keySet().stream()
                .filter(name -> !name.equals("JAVA_TOOL_OPTIONS"))
                .forEach(name -> assertThat(readme).contains("`" + name + "`")));
        assertThat(readme).contains("./run-local").contains("mvn -B verify");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("mvn -B verify");
    }

    @Test
    void theBundledIncidentIsTheSharedOutageRecord() throws IOException {
        Path shared = ROOT.resolveSibling("shared").resolve("data/outage-2022-10-15.json");
        Assumptions.assumeTrue(Files.exists(shared), "the shared outage record is beside the clone in CI and on the team's machines");
        Path bundled = ROOT.resolve("functions/domain/src/main/resources/incidents/2022-10-15.json");
        assertThat(Files.readAllBytes(bundled)).isEqualTo(Files.readAllBytes(shared));
    }

    private static Stream<Path> foldersIn(String folder) {
        try {
            return Files.list(ROOT.resolve(folder));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String moduleOf(FunctionSpec function) {
        // dev.damagedesk.<module>.handler.X
        return function.handlerClass().split("\\.")[2];
    }

    private static Set<String> settingsReadBy(String module) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(ROOT.resolve("functions").resolve(module).resolve("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = SETTING_READ.matcher(Files.readString(source));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
