-- Outcomes as known at any moment (knownAt, docs/projections.md "As known at a moment"): each row says when its
-- journey's newest event was stored (epoch milliseconds), so a question about an earlier moment knows to fold that
-- journey's events again, and the span of years every establishment start and end ever recorded has had, retracted
-- or not, so that such a question finds every journey that may have belonged to the cohort then.
alter table outcome_facts
    add column recorded_until             bigint,
    add column establishment_start_year_low  int,
    add column establishment_start_year_high int,
    add column establishment_end_year_low    int,
    add column establishment_end_year_high   int;

-- The existing rows cannot say any of this: forgetting the view's tracking tokens makes the service build the view
-- again from the first event at its next start (a view that has never run is built, not replayed; ProjectionRunner),
-- while the old rows serve. The only statement on Axon's tables outside the event store's AxonTables, since a
-- migration runs before the application.
delete from token_entry where processor_name = 'outcomes';

-- A question as known at a recent moment reads the few rows changed since through this index.
create index outcome_facts_recorded_until_idx on outcome_facts (recorded_until);
