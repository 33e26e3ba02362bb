-- A person's journeys are found by the keyed hash of the identity number (HMAC-SHA256 under a key the master key
-- wraps), no longer by an index over the plain number: the plain number stays in the case file only for display,
-- and goes with an erasure. The view is rebuilt at start to fill the new column (its token is removed).
drop index journey_state_identity_number_idx;
alter table journey_state add column identity_number_key bytea;
create index journey_state_identity_number_key_idx on journey_state (identity_number_key);
delete from token_entry where processor_name = 'journey-state';
