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
import java.util.Optional;
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
            "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SESV2",
            "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL_S3", "DAMAGEDESK_S3_FORCE_PATH_STYLE");

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
                .containsExactlyInAnyOrder("IntakeFunction", "ProcessorFunction", "NotifierFunction", "RescoreFunction",
                        "DocumentDeadlineFunction", "SurgeControllerFunction", "AdminFunction", "StaffJobFunction");
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
            Set<String> read = settingsReadBy(function);
            readAnywhere.addAll(read);
            Set<String> given = function.environment().keySet();
            read.removeAll(PLATFORM_SETTINGS);
            assertThat(given).as(function.logicalId() + " environment in template.yaml").containsAll(read);
        }
        Set<String> given = new TreeSet<>();
        TEMPLATE.functions().forEach(function -> given.addAll(function.environment().keySet()));
        given.remove("JAVA_TOOL_OPTIONS"); // read by the JVM
        given.removeIf(name -> name.startsWith("POWERTOOLS_")); // read by Powertools
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

    /** Actions of the Service Authorization Reference with no resource type: their statements need Resource "*". */
    private static final Set<String> ACTIONS_WITHOUT_RESOURCE_TYPES = Set.of("lambda:ListEventSourceMappings");

    @Test
    @SuppressWarnings("unchecked")
    void policiesNameTheirResourcesAndActionsExactly() {
        for (FunctionSpec function : TEMPLATE.functions()) {
            List<Object> policies = (List<Object>) TEMPLATE.functionProperties(function.logicalId()).get("Policies");
            assertThat(policies).as(function.logicalId() + " policies").isNotEmpty();
            for (Object policy : policies) {
                List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement");
                for (Map<String, Object> statement : statements) {
                    Object actions = statement.get("Action");
                    List<Object> actionList = actions instanceof List<?> list ? (List<Object>) list : List.of(actions);
                    if ("*".equals(statement.get("Resource"))) {
                        // only an action IAM cannot scope to a resource may name every resource
                        assertThat(actionList).as(function.logicalId() + " " + statement.get("Sid"))
                                .allSatisfy(action -> assertThat(ACTIONS_WITHOUT_RESOURCE_TYPES).contains((String) action));
                    }
                    assertThat(actionList).allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
                }
            }
        }
    }

    /** The audit trail is append-only for every function: a put of a new entry and a query, nothing that edits. */
    @Test
    @SuppressWarnings("unchecked")
    void onTheAuditTableFunctionsMayOnlyPutAndQuery() {
        List<String> withAuditAccess = new java.util.ArrayList<>();
        for (FunctionSpec function : TEMPLATE.functions()) {
            List<Object> policies = (List<Object>) TEMPLATE.functionProperties(function.logicalId()).get("Policies");
            for (Object policy : policies) {
                for (Map<String, Object> statement : (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement")) {
                    if (!String.valueOf(statement.get("Resource")).contains("AuditTable")) {
                        continue;
                    }
                    Object actions = statement.get("Action");
                    List<Object> actionList = actions instanceof List<?> list ? (List<Object>) list : List.of(actions);
                    assertThat(actionList).as(function.logicalId() + " " + statement.get("Sid"))
                            .isSubsetOf("dynamodb:PutItem", "dynamodb:Query");
                    withAuditAccess.add(function.logicalId());
                }
            }
        }
        assertThat(withAuditAccess).as("the functions that write audit entries").contains("ProcessorFunction",
                "RescoreFunction");
    }

    @Test
    void theReadmeNamesEveryFunctionModuleAndSettingAndCiRunsItsTestCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        TEMPLATE.functions().forEach(function -> assertThat(readme).contains(function.logicalId())
                .contains(function.handlerClass().substring(function.handlerClass().lastIndexOf('.') + 1)));
        try (Stream<Path> modules = Stream.of("functions", "infrastructure", "tools").flatMap(TemplateConsistencyTest::foldersIn)) {
            // functions/ is a parent POM too: its build output is no module
            modules.filter(Files::isDirectory).filter(folder -> !folder.getFileName().toString().equals("target")).forEach(module ->
                    assertThat(readme).contains("`" + ROOT.relativize(module) + "`"));
        }
        TEMPLATE.functions().forEach(function -> function.environment().keySet().stream()
                .filter(name -> !name.equals("JAVA_TOOL_OPTIONS"))
                .forEach(name -> assertThat(readme).contains("`" + name + "`")));
        assertThat(readme).contains("./run-local").contains("mvn -B verify");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("mvn -B verify");
    }

    @Test
    void theReadmeShowsEveryFunctionAndQueueInItsDiagramModuleTableAndDeployedList() throws IOException {
        assertThat(readmeGaps(Files.readString(ROOT.resolve("README.md")))).isEmpty();
    }

    @Test
    void theReadmeCheckNamesWhatALeftOutFunctionOrQueueIsMissingFrom() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String diagram = readmeDiagram(readme);
        String withoutRescorerInDiagram = readme.replace(diagram, diagram.replace("RescoreFunction", "re-scoring"));
        String deployed = readmeSection(readme, "### What gets deployed");
        String withoutDeadLetterQueueDeployed = readme.replace(deployed, deployed.replace("`RescoreDeadLetterQueue`", "its DLQ"));
        String withoutProcessorRow = readme.replace("| `functions/processor` | `ProcessorFunction`:", "| `functions/processor` | the processor:");

        assertThat(readmeGaps(withoutRescorerInDiagram)).containsExactly("RescoreFunction is missing from the architecture diagram");
        assertThat(readmeGaps(withoutDeadLetterQueueDeployed)).containsExactly("RescoreDeadLetterQueue is missing from \"What gets deployed\"");
        assertThat(readmeGaps(withoutProcessorRow)).containsExactly("ProcessorFunction is missing from the module table's row for `functions/processor`");
    }

    @Test
    void theBundledIncidentIsTheSharedOutageRecord() throws IOException {
        Path shared = ROOT.resolveSibling("shared").resolve("data/outage-2022-10-15.json");
        Assumptions.assumeTrue(Files.exists(shared), "the shared outage record is beside the clone in CI and on the team's machines");
        Path bundled = ROOT.resolve("functions/domain/src/main/resources/incidents/2022-10-15.json");
        assertThat(Files.readAllBytes(bundled)).isEqualTo(Files.readAllBytes(shared));
    }

    /**
     * What the README leaves out of the template: every function must be in the architecture diagram, in the module
     * table's row for its module and in "What gets deployed"; every queue in the diagram and in that list.
     */
    private static List<String> readmeGaps(String readme) {
        String diagram = readmeDiagram(readme);
        String deployed = readmeSection(readme, "### What gets deployed");
        List<String> gaps = new java.util.ArrayList<>();
        for (FunctionSpec function : TEMPLATE.functions()) {
            String id = function.logicalId();
            if (!names(diagram, id)) {
                gaps.add(id + " is missing from the architecture diagram");
            }
            String module = "`functions/" + moduleOf(function) + "`";
            Optional<String> row = readme.lines().filter(line -> line.startsWith("| " + module + " |")).findFirst();
            if (row.isEmpty()) {
                gaps.add(id + ": the module table has no row for " + module);
            } else if (!names(row.get(), id)) {
                gaps.add(id + " is missing from the module table's row for " + module);
            }
            if (!deployed.contains("`" + id + "`")) {
                gaps.add(id + " is missing from \"What gets deployed\"");
            }
        }
        for (QueueSpec queue : TEMPLATE.queues()) {
            if (!names(diagram, queue.logicalId())) {
                gaps.add(queue.logicalId() + " is missing from the architecture diagram");
            }
            if (!deployed.contains("`" + queue.logicalId() + "`")) {
                gaps.add(queue.logicalId() + " is missing from \"What gets deployed\"");
            }
        }
        return gaps;
    }

    /** The first fenced block under "## Architecture". */
    private static String readmeDiagram(String readme) {
        String architecture = readmeSection(readme, "## Architecture");
        int open = architecture.indexOf("```");
        int close = architecture.indexOf("```", open + 3);
        assertThat(open).as("a fenced diagram under ## Architecture").isNotNegative();
        assertThat(close).as("the diagram's closing fence").isPositive();
        return architecture.substring(open, close);
    }

    /** From the heading line to the next heading of the same or a higher level. */
    private static String readmeSection(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("the README's heading " + heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' '));
        Matcher next = Pattern.compile("\n#{1," + level.length() + "} ").matcher(readme);
        int end = next.find(start + heading.length() + 1) ? next.start() : readme.length();
        return readme.substring(start, end);
    }

    /** The logical id as a whole word: IntakeQueue is not named by IntakeQueueUrl. */
    private static boolean names(String text, String logicalId) {
        return Pattern.compile("(?<![A-Za-z])" + Pattern.quote(logicalId) + "(?![A-Za-z])").matcher(text).find();
    }

    /** The folders of a top-level folder, without build output (functions/ is a parent POM with a target/ of its own). */
    private static Stream<Path> foldersIn(String folder) {
        try {
            return Files.list(ROOT.resolve(folder)).filter(path -> !path.getFileName().toString().equals("target"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String moduleOf(FunctionSpec function) {
        // dev.damagedesk.<module>.handler.X
        return function.handlerClass().split("\\.")[2];
    }

    /**
     * The settings read by the function's handler and by every class of its module that it reaches (a class is reached
     * when its simple name appears in the code of a reached file): two functions of one module need only what each one reads.
     */
    private static Set<String> settingsReadBy(FunctionSpec function) throws IOException {
        Map<String, String> sources = new java.util.HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("functions").resolve(moduleOf(function)).resolve("src/main/java"))) {
            for (Path source : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                // comments mention classes without using them
                String code = Files.readString(source).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                sources.put(source.getFileName().toString().replace(".java", ""), code);
            }
        }
        String handler = function.handlerClass().substring(function.handlerClass().lastIndexOf('.') + 1);
        Set<String> reached = new TreeSet<>(Set.of(handler));
        java.util.Deque<String> toRead = new java.util.ArrayDeque<>(reached);
        while (!toRead.isEmpty()) {
            String text = sources.get(toRead.pop());
            for (String name : sources.keySet()) {
                if (!reached.contains(name) && Pattern.compile("\\b" + name + "\\b").matcher(text).find()) {
                    reached.add(name);
                    toRead.push(name);
                }
            }
        }
        Set<String> names = new TreeSet<>();
        for (String name : reached) {
            Matcher matcher = SETTING_READ.matcher(sources.get(name));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
