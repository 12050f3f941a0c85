package dev.damagedesk.throughputbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the machine's CPU went, by component, read from Linux's {@code /proc}: this JVM's threads by name (the
 * emulated SQS, the local gateway and pollers, in-process functions, the JIT compiler, the benchmark's own callers)
 * and its child processes by command line (dynalite, the other emulators, function JVMs). A phase's delta divided by
 * its calls says what one call cost and where, which is what separates a ratio from its target on a shared machine.
 * Elsewhere than Linux every snapshot is empty and the table is left out.
 */
final class CpuAccounting {

    static final String SQS_EMULATOR = "SQS emulator (ElasticMQ, in this JVM)";
    static final String DYNAMODB_EMULATOR = "DynamoDB emulator (dynalite)";
    static final String FUNCTIONS = "functions (handlers, their SDK clients)";
    static final String PLUMBING = "local gateway, Runtime API, pollers";
    static final String COMPILER = "JIT compiler (this JVM)";
    static final String CALLERS = "benchmark callers (HTTP and SDK clients)";
    static final String OTHER = "other (GC, other emulators, idle pollers)";
    static final List<String> COMPONENTS = List.of(SQS_EMULATOR, DYNAMODB_EMULATOR, FUNCTIONS, PLUMBING, COMPILER,
            CALLERS, OTHER);

    /** Linux's USER_HZ: {@code /proc} counts CPU time in ticks of 1/100 s on every mainstream kernel build. */
    private static final double SECONDS_PER_TICK = 0.01;
    private static final Path PROC = Path.of("/proc");

    private final long ownPid = ProcessHandle.current().pid();

    /** CPU seconds used so far, by component (empty where {@code /proc} is not readable). */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (!Files.isDirectory(PROC.resolve(String.valueOf(ownPid)).resolve("task"))) {
            return seconds;
        }
        for (Path task : list(PROC.resolve(String.valueOf(ownPid)).resolve("task"))) {
            Stat stat = Stat.read(task.resolve("stat"));
            if (stat != null) {
                seconds.merge(ofThread(stat.name()), stat.cpuSeconds(), Double::sum);
            }
        }
        for (long child : descendants()) {
            Stat stat = Stat.read(PROC.resolve(child + "/stat"));
            if (stat != null) {
                seconds.merge(ofProcess(commandLine(child)), stat.cpuSeconds(), Double::sum);
            }
        }
        return seconds;
    }

    /**
     * What each component spent between two snapshots, in seconds. A process or thread that ended in between takes
     * its time with it, so a component's figure is never below zero.
     */
    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> spent = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            spent.put(component, Math.max(0, after.getOrDefault(component, 0.0) - before.getOrDefault(component, 0.0)));
        }
        return spent;
    }

    static Map<String, Double> plus(Map<String, Double> one, Map<String, Double> other) {
        Map<String, Double> sum = new LinkedHashMap<>(one);
        other.forEach((component, seconds) -> sum.merge(component, seconds, Double::sum));
        return sum;
    }

    static String ofThread(String name) {
        if (name.startsWith("elasticmq")) {
            return SQS_EMULATOR;
        }
        if (name.startsWith("lambda-") || name.endsWith("-record") || name.startsWith("report-")) {
            return FUNCTIONS;
        }
        if (name.startsWith("gateway-") || name.startsWith("sqs-") || name.startsWith("runtime-api")
                || name.startsWith("local-lambda")) {
            return PLUMBING;
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return COMPILER;
        }
        if (name.startsWith("bench-caller")) {
            return CALLERS;
        }
        return OTHER;
    }

    static String ofProcess(String commandLine) {
        if (commandLine.contains("dynalite")) {
            return DYNAMODB_EMULATOR;
        }
        if (commandLine.contains("java")) {
            return FUNCTIONS; // a function instance's JVM (processes hosting)
        }
        return OTHER;
    }

    private List<Long> descendants() {
        Map<Long, List<Long>> children = new HashMap<>();
        for (Path process : list(PROC)) {
            String name = process.getFileName().toString();
            if (name.chars().allMatch(Character::isDigit)) {
                Stat stat = Stat.read(process.resolve("stat"));
                if (stat != null) {
                    children.computeIfAbsent(stat.parent(), parent -> new ArrayList<>()).add(Long.parseLong(name));
                }
            }
        }
        List<Long> found = new ArrayList<>();
        List<Long> next = new ArrayList<>(List.of(ownPid));
        while (!next.isEmpty()) {
            long pid = next.remove(next.size() - 1);
            for (long child : children.getOrDefault(pid, List.of())) {
                found.add(child);
                next.add(child);
            }
        }
        return found;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // ended between the listing and the read
        }
    }

    private static List<Path> list(Path directory) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            // a process or thread that ended while listed: nothing to count
        }
        return entries;
    }

    /** The fields of a {@code /proc/.../stat} line used here: name (comm), parent pid, user and system ticks. */
    record Stat(String name, long parent, long ticks) {

        double cpuSeconds() {
            return ticks * SECONDS_PER_TICK;
        }

        static Stat read(Path file) {
            try {
                return parse(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                return null; // ended while being read
            }
        }

        /** comm is in parentheses and may itself hold spaces or parentheses, so fields are counted after the last ')'. */
        static Stat parse(String line) {
            String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after comm: state(0) ppid(1) ... utime(11) stime(12)
            return new Stat(name, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }
    }
}
