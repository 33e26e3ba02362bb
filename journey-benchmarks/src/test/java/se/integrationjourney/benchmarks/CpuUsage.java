package se.integrationjourney.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time spent between two moments by this JVM (and, of it, by its JIT compilers), by the PostgreSQL server's
 * processes and by the whole machine (Linux {@code /proc}), to tell which side a measurement was bound by. Elsewhere
 * it reports nothing but the JVM's share.
 */
final class CpuUsage {

    private final long startedNanos;
    private final Duration jvmAtStart;
    private final long jitMillisAtStart;
    private final Map<Long, Duration> postgresAtStart;
    private final long[] machineAtStart;

    private CpuUsage() {
        startedNanos = System.nanoTime();
        jvmAtStart = jvmCpu();
        jitMillisAtStart = jitMillis();
        postgresAtStart = postgresCpu();
        machineAtStart = machineTicks();
    }

    static CpuUsage start() {
        return new CpuUsage();
    }

    /** Average cores busy since the start: this JVM, PostgreSQL, everything else, and the machine's busy share. */
    Result stop() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double jvm = (jvmCpu().toNanos() - jvmAtStart.toNanos()) / 1e9 / seconds;
        double jit = (jitMillis() - jitMillisAtStart) / 1e3 / seconds;
        double postgres = 0;
        for (Map.Entry<Long, Duration> process : postgresCpu().entrySet()) {
            Duration before = postgresAtStart.getOrDefault(process.getKey(), Duration.ZERO);
            postgres += (process.getValue().toNanos() - before.toNanos()) / 1e9;
        }
        postgres /= seconds;
        long[] machine = machineTicks();
        double busyShare = Double.NaN;
        double machineCores = Double.NaN;
        if (machine != null && machineAtStart != null) {
            long busy = (machine[0] - machineAtStart[0]);
            long total = (machine[1] - machineAtStart[1]);
            busyShare = total == 0 ? Double.NaN : (double) busy / total;
            machineCores = busyShare * Runtime.getRuntime().availableProcessors();
        }
        return new Result(jvm, jit, postgres, machineCores - jvm - postgres, busyShare);
    }

    /**
     * Milliseconds this JVM's JIT compilers have spent compiling since it started (all compiler threads together).
     * On two cores C2 needs minutes of load before it is nearly idle; until then a compiler thread can take most of
     * a core, and what is measured meanwhile is the compiler as much as the code.
     */
    static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /**
     * @param jvmCores      average cores used by this JVM (the views' handlers, Axon, JSON, the JDBC driver)
     * @param jitCores      of those, average cores the JIT compilers were compiling
     * @param postgresCores average cores used by the PostgreSQL server processes
     * @param otherCores    the rest of the machine (other builds on a shared machine show up here)
     * @param machineBusy   share of all cores' time that was busy
     */
    record Result(double jvmCores, double jitCores, double postgresCores, double otherCores, double machineBusy) {

        String describe() {
            return String.format(
                    java.util.Locale.ROOT,
                    "CPU cores: JVM %.2f (of which JIT compiling %.2f), postgres"
                            + " %.2f, other %.2f (machine %.0f%% busy)",
                    jvmCores,
                    jitCores,
                    postgresCores,
                    otherCores,
                    machineBusy * 100);
        }
    }

    private static Duration jvmCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static Map<Long, Duration> postgresCpu() {
        Map<Long, Duration> cpu = new HashMap<>();
        ProcessHandle.allProcesses().forEach(process -> {
            Optional<String> command = process.info().command();
            if (command.isPresent() && command.get().contains("postgres")) {
                process.info().totalCpuDuration().ifPresent(duration -> cpu.put(process.pid(), duration));
            }
        });
        return cpu;
    }

    /** [busy ticks, all ticks] of all cores together, from /proc/stat; null where there is none. */
    private static long[] machineTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] fields = lines.get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) { // idle, iowait
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
