package se.integrationjourney.api.projections;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ViewsRebuildTest} with in-memory rebuilds turned off: each view rebuilds with its live handlers. */
@SpringBootTest(properties = "journey.projections.rebuild-retained-journeys=0")
class ViewsRebuildWithoutMemoryTest extends ViewsRebuildTest {}
