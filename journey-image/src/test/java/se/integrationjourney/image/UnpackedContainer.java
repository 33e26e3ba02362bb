package se.integrationjourney.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A process started from an unpacked image as a container runtime starts one, with no runtime: the image's
 * entrypoint and arguments, its environment and nothing else of the caller's but the variables given, its user,
 * its root directory as {@code /}. The root is entered with {@code chroot} inside a mount namespace of the process's
 * own ({@code unshare --mount}), in which {@code /dev} and {@code /proc} are mounted into it as a runtime does; the
 * mounts end with the process. The network is the machine's, as with {@code --network host}. Entering a root and
 * mounting need root, which the project's machines and CI run as.
 *
 * <p>{@code unshare}, the shell and {@code chroot} each replace themselves with the next, so the process started
 * here becomes the image's program: its pid is the service's, and a signal to it reaches the service.
 */
final class UnpackedContainer {

    /** Mounts what a runtime provides, then enters the root as the image's user and runs its entrypoint. */
    private static final String ENTER = "root=$1; user=$2; shift 2;"
            + " /bin/mount --rbind /dev \"$root/dev\" && /bin/mount -t proc proc \"$root/proc\""
            + " && exec /usr/sbin/chroot --userspec=\"$user\" \"$root\" \"$@\"";

    private final Process process;
    private final Path log;

    private UnpackedContainer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param root        the image's layers, unpacked
     * @param image       the image's configuration ({@code config.User}, {@code Entrypoint}, {@code Cmd}, {@code Env})
     * @param environment variables on top of the image's, as {@code --env} gives them
     * @param log         where the process's output goes
     */
    static UnpackedContainer start(Path root, JsonNode image, Map<String, String> environment, Path log) {
        JsonNode config = image.path("config");
        try {
            if (userIdOf(ProcessHandle.current().pid()) != 0) {
                throw new AssertionError("Starting a process from an unpacked image needs root (unshare --mount, mount,"
                        + " chroot), as the project's machines and CI run the tests; this JVM runs as another user");
            }
            // What a runtime puts into every container: mount points, and the host names of /etc/hosts.
            Files.createDirectories(root.resolve("dev"));
            Files.createDirectories(root.resolve("proc"));
            Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n::1 localhost\n");
            Files.createDirectories(log.getParent());
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/unshare",
                "--mount",
                "--propagation",
                "private",
                "/bin/sh",
                "-c",
                ENTER,
                "enter",
                root.toString(),
                config.path("User").asString()));
        config.path("Entrypoint").forEach(word -> command.add(word.asString()));
        config.path("Cmd").forEach(word -> command.add(word.asString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        config.path("Env").forEach(variable -> {
            String[] nameAndValue = variable.asString().split("=", 2);
            builder.environment().put(nameAndValue[0], nameAndValue[1]);
        });
        builder.environment().putAll(environment);
        try {
            return new UnpackedContainer(builder.start(), log);
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The real user id the process runs as, from {@code /proc}. */
    int userId() throws IOException {
        return userIdOf(process.pid());
    }

    private static int userIdOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.split("\\s+")[1]);
            }
        }
        throw new AssertionError("no Uid in /proc/" + pid + "/status");
    }

    /** SIGTERM, as a runtime stops a container; waits for the process to end and returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        // A guard against a hang, not a measure of speed: Spring's graceful shutdown gives up after 30 s.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            kill();
            throw new AssertionError("the process did not end after SIGTERM; " + tail());
        }
        return process.exitValue();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The last lines of the output, for a failure's message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return log + " (unreadable)";
        }
    }
}
