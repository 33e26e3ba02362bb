package se.integrationjourney.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the Linux kernel's data access monitor (DAMON) is doing on this machine, read from {@code /sys} (never
 * changed). The machines these benchmarks run on are virtual machines whose platform runs a DAMON "kdamond" over
 * all physical memory, sampling which pages are accessed every half second to page out cold page cache for the
 * host; each sampling pass walks the page tables of every process that maps the sampled pages (PostgreSQL's shared
 * buffers are mapped by every backend), and PostgreSQL's clients wait meanwhile: about every 0.56 s under load,
 * which doubles the caseload's p99 (docs/benchmark-notes.md, "The caseload's tail and the platform's memory
 * monitor"). A figure is only comparable to another
 * measured with the monitor in the same state, so every run says which.
 */
final class MemoryMonitor {

    private static final Path KDAMONDS = Path.of("/sys/kernel/mm/damon/admin/kdamonds");

    private MemoryMonitor() {}

    static String describe() {
        if (!Files.isDirectory(KDAMONDS)) {
            return "no kernel data access monitor (DAMON) is configured";
        }
        List<String> monitors = new ArrayList<>();
        try (Stream<Path> kdamonds = Files.list(KDAMONDS)) {
            for (Path kdamond : kdamonds.filter(Files::isDirectory).sorted().toList()) {
                String state = read(kdamond.resolve("state"));
                Path context = kdamond.resolve("contexts/0");
                String sampleMicros = read(context.resolve("monitoring_attrs/intervals/sample_us"));
                String operations = read(context.resolve("operations"));
                monitors.add(String.format(
                        Locale.ROOT,
                        "kdamond %s %s (%s, sampling every %s µs)",
                        kdamond.getFileName(),
                        state,
                        operations,
                        sampleMicros));
            }
        } catch (IOException e) {
            return "the kernel data access monitor (DAMON) could not be read: "
                    + e.getClass().getSimpleName();
        }
        return monitors.isEmpty()
                ? "kernel data access monitor (DAMON): no kdamond"
                : "kernel data access monitor (DAMON): " + String.join("; ", monitors);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
