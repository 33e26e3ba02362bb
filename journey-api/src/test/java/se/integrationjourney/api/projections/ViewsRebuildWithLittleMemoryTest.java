package se.integrationjourney.api.projections;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ViewsRebuildTest} with rebuilds holding at most 2 journeys per segment in memory: every batch writes its
 * case files out and later batches read them back (from the journey-state table when views rebuild together, from
 * the view's own table when one view rebuilds alone, the outcomes view's without personal data).
 */
@SpringBootTest(properties = "journey.projections.rebuild-retained-journeys=2")
class ViewsRebuildWithLittleMemoryTest extends ViewsRebuildTest {}
