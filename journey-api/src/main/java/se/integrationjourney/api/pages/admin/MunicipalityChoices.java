package se.integrationjourney.api.pages.admin;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.municipalities.Municipalities.Municipality;

/**
 * Sweden's municipalities for a select: grouped by county in SCB's order, by name in Swedish order within each, so
 * that an administrator finds "Töreboda" under Västra Götalands län. Worked out once.
 */
@Component
class MunicipalityChoices {

    /** A county (län) and its municipalities by name. */
    public record County(String name, List<Municipality> municipalities) {}

    private final List<County> counties;

    MunicipalityChoices(Municipalities municipalities) {
        Collator swedish = Collator.getInstance(Locale.forLanguageTag("sv"));
        Map<String, List<Municipality>> byCounty = new LinkedHashMap<>();
        for (Municipality municipality : municipalities.all()) {
            byCounty.computeIfAbsent(municipality.county(), county -> new ArrayList<>())
                    .add(municipality);
        }
        List<County> grouped = new ArrayList<>();
        byCounty.forEach((county, members) -> {
            members.sort(Comparator.comparing(Municipality::name, swedish));
            grouped.add(new County(county, List.copyOf(members)));
        });
        this.counties = List.copyOf(grouped);
    }

    List<County> counties() {
        return counties;
    }
}
