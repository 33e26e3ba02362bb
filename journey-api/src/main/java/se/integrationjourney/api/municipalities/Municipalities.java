package se.integrationjourney.api.municipalities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sweden's municipalities by their SCB code (kommunkod), so that people see "Töreboda" where the records hold 1473.
 * Read once from {@code municipalities.csv} beside this class.
 */
@Component
public class Municipalities {

    /** One municipality: its four-digit code, its name and its county (län). */
    public record Municipality(String code, String name, String county) {}

    private final Map<String, Municipality> byCode;

    public Municipalities() {
        Map<String, Municipality> read = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                Municipalities.class.getResourceAsStream("municipalities.csv"), StandardCharsets.UTF_8))) {
            lines.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("code;") && !line.isBlank())
                    .map(line -> line.split(";", -1))
                    .forEach(fields -> read.put(fields[0], new Municipality(fields[0], fields[1], fields[2])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.byCode = Collections.unmodifiableMap(read);
    }

    public Optional<Municipality> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** The municipality's name, or the code itself when it is not one of Sweden's (so nothing is hidden). */
    public String nameOf(String code) {
        return find(code).map(Municipality::name).orElse(code);
    }

    public boolean exists(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** All of them, in SCB's order (by county, then code). */
    public Collection<Municipality> all() {
        return byCode.values();
    }
}
