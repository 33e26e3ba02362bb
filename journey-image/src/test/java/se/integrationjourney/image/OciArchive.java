package se.integrationjourney.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image in the OCI layout tar that Jib writes ({@code index.json} naming one manifest, which names the
 * configuration and the layers, every one a blob under {@code blobs/sha256}), read as a container runtime reads it.
 * The tar and the layers are unpacked with the machine's {@code tar}: the JDK reads no tar, and GNU tar run as root
 * keeps each entry's mode and owner, as a runtime does.
 */
final class OciArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final JsonNode manifest;
    private final JsonNode configuration;

    private OciArchive(Path directory, JsonNode manifest, JsonNode configuration) {
        this.directory = directory;
        this.manifest = manifest;
        this.configuration = configuration;
    }

    /** Unpacks the tar into {@code directory} (emptied first) and reads its index, manifest and configuration. */
    static OciArchive open(Path tar, Path directory) {
        recreate(directory);
        run("tar", "-xf", tar.toString(), "-C", directory.toString());
        JsonNode index = json(directory.resolve("index.json"));
        if (index.path("manifests").size() != 1) {
            throw new AssertionError(
                    "the archive's index names " + index.path("manifests").size() + " manifests");
        }
        JsonNode manifest = json(blob(directory, index.path("manifests").get(0)));
        JsonNode configuration = json(blob(directory, manifest.path("config")));
        return new OciArchive(directory, manifest, configuration);
    }

    /** The image's configuration: {@code created}, {@code config.User}, {@code config.Entrypoint}, ... */
    JsonNode configuration() {
        return configuration;
    }

    /** The layers' media types, in order. */
    List<String> layerMediaTypes() {
        List<String> types = new ArrayList<>();
        manifest.path("layers")
                .forEach(layer -> types.add(layer.path("mediaType").asString()));
        return types;
    }

    /** Applies the layers in order into {@code root} (emptied first), as a runtime makes a container's file system. */
    Path unpackLayers(Path root) {
        recreate(root);
        for (JsonNode layer : manifest.path("layers")) {
            run("tar", "-xzf", blob(directory, layer).toString(), "-C", root.toString());
        }
        return root;
    }

    private static Path blob(Path directory, JsonNode descriptor) {
        String digest = descriptor.path("digest").asString();
        if (!digest.startsWith("sha256:")) {
            throw new AssertionError("not a sha256 digest: " + descriptor);
        }
        return directory.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void recreate(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
