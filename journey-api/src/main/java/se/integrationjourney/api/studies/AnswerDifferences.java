package se.integrationjourney.api.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Where two answers to one outcome question differ, figure by figure: the JSON paths of the values that differ
 * ({@code denominator}, {@code byStatus.EMPLOYED}, {@code byGender.FEMALE.inWorkOrStudies.share}). What says when and
 * how the answer was reached ({@code knownAt}, {@code eventStorePosition}) is no figure and is left out.
 */
final class AnswerDifferences {

    private static final Set<String> NOT_FIGURES = Set.of("knownAt", "eventStorePosition");

    private AnswerDifferences() {}

    static List<String> between(JsonNode saved, JsonNode other) {
        List<String> changed = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        saved.propertyNames().forEach(names::add);
        other.propertyNames().forEach(names::add);
        for (String name : names) {
            if (!NOT_FIGURES.contains(name)) {
                collect(name, saved.get(name), other.get(name), changed);
            }
        }
        return List.copyOf(changed);
    }

    private static void collect(String path, JsonNode saved, JsonNode other, List<String> changed) {
        if (saved != null && other != null && saved.isObject() && other.isObject()) {
            Set<String> names = new TreeSet<>();
            saved.propertyNames().forEach(names::add);
            other.propertyNames().forEach(names::add);
            for (String name : names) {
                collect(path + "." + name, saved.get(name), other.get(name), changed);
            }
        } else if (!same(saved, other)) {
            changed.add(path);
        }
    }

    /** Equal values; numbers by value, so that 0.5000 and 0.5 are one share. */
    private static boolean same(JsonNode saved, JsonNode other) {
        if (saved == null || other == null) {
            return saved == other || (saved == null ? other.isNull() : saved.isNull());
        }
        if (saved.isNumber() && other.isNumber()) {
            return saved.decimalValue().compareTo(other.decimalValue()) == 0;
        }
        return saved.equals(other);
    }
}
