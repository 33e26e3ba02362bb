package se.integrationjourney.projections.outcomes;

/**
 * Age bands at arrival for the two-years-after breakdown (docs/domain.md: 20–24, 25–34, 35–44, 45–54, 55–64,
 * other). Age at arrival is the arrival year minus the birth year; both ends of each band are inclusive.
 * The {@link #label()} is the JSON key, written with an ASCII hyphen.
 */
public enum AgeBand {
    AGE_20_24("20-24", 20, 24),
    AGE_25_34("25-34", 25, 34),
    AGE_35_44("35-44", 35, 44),
    AGE_45_54("45-54", 45, 54),
    AGE_55_64("55-64", 55, 64),
    OTHER("other", Integer.MIN_VALUE, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    /** The band of an age at arrival; under 20 and over 64 are {@link #OTHER}. */
    public static AgeBand ofAge(int age) {
        for (AgeBand band : values()) {
            if (band != OTHER && age >= band.from && age <= band.to) {
                return band;
            }
        }
        return OTHER;
    }
}
