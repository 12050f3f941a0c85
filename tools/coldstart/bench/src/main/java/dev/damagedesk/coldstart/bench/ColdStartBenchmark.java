package dev.damagedesk.coldstart.bench;

import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.SqsEventSource;
import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.LambdaFunction;
import dev.damagedesk.localruntime.function.process.ColdStart;
import dev.damagedesk.localruntime.function.process.FunctionArtifacts;
import dev.damagedesk.localruntime.function.process.InstanceLaunch;
import dev.damagedesk.localruntime.lambdaapi.LocalLambdaApi;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * {@code ./bench-coldstart}: for every function of the template, a fresh execution environment (its own JVM from its
 * deployment artifact, started by the local runtime's launcher exactly as {@code ./run-local} starts them) invoked
 * once with a representative event against the local emulators, from process start to first response. Each run
 * measures every target once, in a shuffled order, so that each function's time is paired with the baselines'
 * of the same run: the figures are ratios, which carry from this machine to another far better than milliseconds.
 */
public final class ColdStartBenchmark {

    /** What a function's time is compared with, each a Lambda artifact of its own (tools/coldstart). */
    enum Baseline {
        HELLO_WORLD("hello-world", "dev.damagedesk.coldstart.baseline.HelloWorldHandler::handleRequest", "{\"hello\":\"world\"}"),
        NAIVE_FLOOR("naive-floor", "dev.damagedesk.coldstart.baseline.NaiveFloorHandler::handleRequest", "{\"id\":\"floor\"}"),
        DAGGER_SAMPLE("dagger-sample", "dev.damagedesk.coldstart.baseline.DaggerSampleHandler::handleRequest",
                "{\"version\":\"2.0\",\"routeKey\":\"GET /products/{id}\",\"rawPath\":\"/products/42\","
                        + "\"pathParameters\":{\"id\":\"42\"},\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");

        final String module;
        final String handler;
        final String event;

        Baseline(String module, String handler, String event) {
            this.module = module;
            this.handler = handler;
            this.event = event;
        }

        String label() {
            return module;
        }
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = Path.of(System.getProperty("damagedesk.root", ".")).toAbsolutePath().normalize();
        Path scratch = Files.createTempDirectory("coldstart-");
        try (LocalCloud cloud = LocalCloud.start(root, Optional.empty(), Map.of());
             LocalLambdaApi lambdaApi = LocalLambdaApi.start()) {
            SamTemplate template = cloud.template();
            registerEventSources(cloud, template, lambdaApi);
            FunctionArtifacts artifacts = FunctionArtifacts.of(root);
            List<String> functions = template.functions().stream().map(FunctionSpec::logicalId)
                    .filter(id -> options.only.isEmpty() || options.only.contains(id)).toList();
            RepresentativeEvents events = new RepresentativeEvents(root);
            Map<String, Target> targets = new LinkedHashMap<>();
            InstanceLaunch reference = ColdStart.launchOf(root, template, "ProcessorFunction",
                    cloud.functionEnvironment("ProcessorFunction"), scratch);
            for (Baseline baseline : Baseline.values()) {
                Path jar = baselineJar(root, baseline);
                // The baselines run as the processor would: its memory, environment (JAVA_TOOL_OPTIONS included), log format.
                InstanceLaunch launch = new InstanceLaunch(baseline.label(), List.of(jar), reference.runtime(), baseline.handler,
                        reference.environment(), reference.memoryMb(), reference.timeout(), reference.logFormat(),
                        reference.logLevel(), scratch.resolve(baseline.label()));
                targets.put(baseline.label(), new Target(baseline.label(), launch, jar, random -> baseline.event));
            }
            for (String function : functions) {
                Map<String, String> environment = new LinkedHashMap<>(cloud.functionEnvironment(function));
                environment.putAll(lambdaApi.clientProperties());
                InstanceLaunch launch = ColdStart.launchOf(root, template, function, environment, scratch);
                targets.put(function, new Target(function, launch, artifacts.artifactOf(function),
                        random -> events.forFunction(function, random)));
            }

            System.out.printf(Locale.ROOT, "Cold starts: %d runs of %d targets (%s), fresh JVM each, %s%n", options.runs,
                    targets.size(), String.join(", ", targets.keySet()), Runtime.version());
            Random random = new Random(options.seed);
            Map<String, List<ColdStart.Result>> results = new LinkedHashMap<>();
            targets.keySet().forEach(name -> results.put(name, new ArrayList<>()));
            for (int run = 0; run <= options.runs; run++) {
                List<Target> order = new ArrayList<>(targets.values());
                Collections.shuffle(order, random);
                for (Target target : order) {
                    ColdStart.Result result = measure(target, random);
                    if (run > 0) { // run 0 warms the machine's file cache and the emulators, and is not counted
                        results.get(target.name()).add(result);
                    }
                }
                System.out.printf(Locale.ROOT, "\r  run %d/%d", run, options.runs);
                System.out.flush();
            }
            System.out.println();
            System.out.print(new ColdStartReport(results, targets).table(Baseline.NAIVE_FLOOR.label(),
                    Baseline.HELLO_WORLD.label(), Baseline.DAGGER_SAMPLE.label()));
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * The template's event source mappings in the Lambda API the functions see (the surge controller reads the
     * processor's); their pollers are never started: the benchmark invokes each function itself.
     */
    private static void registerEventSources(LocalCloud cloud, SamTemplate template, LocalLambdaApi lambdaApi) {
        for (FunctionSpec spec : template.functions()) {
            for (SqsEventSource source : spec.sqsEventSources()) {
                LambdaFunction notPolled = new LambdaFunction() {
                    @Override
                    public String name() {
                        return spec.logicalId();
                    }

                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(spec.timeoutSeconds());
                    }

                    @Override
                    public int coldStarts() {
                        return 0;
                    }

                    @Override
                    public String invoke(String event) {
                        throw new IllegalStateException("the benchmark's event sources are not polled");
                    }

                    @Override
                    public void close() {
                    }
                };
                SqsEventSourcePoller poller = new SqsEventSourcePoller(cloud.aws().sqs(), source,
                        cloud.resources().queueUrl(source.queueLogicalId()), cloud.resources().queueArn(source.queueLogicalId()),
                        notPolled, OptionalInt.empty(), SqsEventSourcePoller.DEFAULT_CONCURRENCY_CAP);
                lambdaApi.register(cloud.resources().functionName(spec.logicalId()),
                        cloud.resources().functionArn(spec.logicalId()), cloud.resources().queueArn(source.queueLogicalId()),
                        poller);
            }
        }
    }

    private static ColdStart.Result measure(Target target, Random random) {
        try {
            return ColdStart.run(target.launch(), target.events().next(random), false);
        } catch (FunctionInvocationException failed) {
            throw new IllegalStateException(target.name() + " failed its cold start: " + failed.getMessage(), failed);
        }
    }

    private static Path baselineJar(Path root, Baseline baseline) throws IOException {
        Path target = root.resolve("tools/coldstart").resolve(baseline.module).resolve("target");
        try (var jars = Files.newDirectoryStream(target, "coldstart-" + baseline.module + "-*-lambda.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException missing) {
            // reported below
        }
        throw new IllegalStateException("tools/coldstart/" + baseline.module + " is not built: run ./bench-coldstart (it builds)");
    }

    private static void deleteTree(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One thing measured: its launch, its artifact (for the size) and a fresh event per run. */
    record Target(String name, InstanceLaunch launch, Path artifact, EventSource events) {
    }

    @FunctionalInterface
    interface EventSource {
        String next(Random random);
    }

    private record Options(int runs, long seed, List<String> only) {

        static Options parse(String[] args) {
            int runs = 10;
            long seed = 7;
            List<String> only = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--functions" -> only.addAll(List.of(args[++i].split(",")));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + " (--runs N, --seed S, --functions A,B)");
                }
            }
            if (runs < 10) {
                throw new IllegalArgumentException("--runs must be at least 10 for a median and a p90, was " + runs);
            }
            return new Options(runs, seed, only);
        }
    }
}
