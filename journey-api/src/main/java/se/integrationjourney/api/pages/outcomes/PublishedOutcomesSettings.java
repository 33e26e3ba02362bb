package se.integrationjourney.api.pages.outcomes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import se.integrationjourney.projections.outcomes.SmallCells;

/**
 * How the analysts' pages publish outcomes, {@code journey.outcomes.*} (the default is application.yml's), checked
 * when bound.
 *
 * @param publishedMinCellSize the small-cell limit of every figure the pages and their CSV downloads show
 *                             ({@link SmallCells}): 2 to 100. The API stays exact unless asked for it.
 */
@ConfigurationProperties("journey.outcomes")
public record PublishedOutcomesSettings(int publishedMinCellSize) {

    public PublishedOutcomesSettings {
        if (publishedMinCellSize < SmallCells.LOWEST_MIN_CELL_SIZE
                || publishedMinCellSize > SmallCells.HIGHEST_MIN_CELL_SIZE) {
            throw new IllegalArgumentException("journey.outcomes.published-min-cell-size must be from "
                    + SmallCells.LOWEST_MIN_CELL_SIZE + " to " + SmallCells.HIGHEST_MIN_CELL_SIZE);
        }
    }
}
