-- Tamper evidence (docs/adr/0019-hash-chain-kept-by-the-database.md): every event carries a link of a hash chain of
-- its aggregate's events, kept by the database when the event is inserted, so that no writer (Axon, a bulk load, a
-- hand-written insert) can store an event without one.
--
--   chain_hash = sha256(previous link || event_chain_bytes(the row as stored))
--
-- where the previous link is the chain_hash of the aggregate's event with the next lower sequence number, and 32 zero
-- bytes for its first event. event_chain_bytes is each of nine stored fields in this order, each as a 4-byte
-- big-endian signed length and then its bytes (-1 and no bytes for null): aggregate_identifier, sequence_number (its
-- 8 bytes, big-endian), event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, type. Text
-- is its UTF-8 bytes; payload and meta_data are the stored bytes, whatever they hold. The same definition is
-- se.integrationjourney.eventstore.EventChain in Java (EventChainTest checks that the two agree), and docs/events.md
-- has it in words. Events that are no aggregate's (Axon stores them with their own id as aggregate id) are chains
-- of one event each.

alter table domain_event_entry add column chain_hash bytea;

create function event_chain_field(value bytea) returns bytea
    language sql immutable parallel safe
    return case when value is null then '\xffffffff'::bytea else int4send(length(value)) || value end;

create function event_chain_bytes(
        aggregate_identifier text,
        sequence_number bigint,
        event_identifier text,
        time_stamp text,
        payload_type text,
        payload_revision text,
        payload bytea,
        meta_data bytea,
        type text) returns bytea
    language sql immutable parallel safe
    return event_chain_field(convert_to(aggregate_identifier, 'UTF8'))
        || event_chain_field(int8send(sequence_number))
        || event_chain_field(convert_to(event_identifier, 'UTF8'))
        || event_chain_field(convert_to(time_stamp, 'UTF8'))
        || event_chain_field(convert_to(payload_type, 'UTF8'))
        || event_chain_field(convert_to(payload_revision, 'UTF8'))
        || event_chain_field(payload)
        || event_chain_field(meta_data)
        || event_chain_field(convert_to(type, 'UTF8'));

create function event_chain_link(previous bytea, event bytea) returns bytea
    language sql immutable parallel safe
    return sha256(previous || event);

-- The chain as an aggregate: over an aggregate's events in sequence order, as a window function, it gives each
-- event's link (used below for the events already stored).
create aggregate event_chain(bytea) (
    sfunc = event_chain_link,
    stype = bytea,
    initcond = '\x0000000000000000000000000000000000000000000000000000000000000000'
);

-- The events already stored (payloads as the migrations before this one left them) get their links. A rewrite of the
-- table rather than an UPDATE of every row: an UPDATE writes every row twice (the old version marked, the new one
-- added to three indexes) and took three times as long on a million events (docs/benchmarks.md, "Tamper evidence").
-- The links are computed first, in one pass over the (aggregate, sequence) index; the rewrite then takes each row's
-- from there.
create temporary table event_chain_backfill on commit drop as
    select global_index,
           event_chain(event_chain_bytes(aggregate_identifier, sequence_number, event_identifier, time_stamp,
                                         payload_type, payload_revision, payload, meta_data, type))
               over (partition by aggregate_identifier order by sequence_number rows unbounded preceding) as chain_hash
    from domain_event_entry;
alter table event_chain_backfill add primary key (global_index);

create function pg_temp.event_chain_backfilled(row_global_index bigint) returns bytea
    language sql stable
    return (select chain_hash from event_chain_backfill where global_index = row_global_index);

alter table domain_event_entry
    alter column chain_hash type bytea using pg_temp.event_chain_backfilled(global_index),
    alter column chain_hash set not null;

-- Every new event's link, whoever inserts it: whatever chain_hash an insert gives is replaced. Earlier rows of the
-- same transaction, and of the same statement or batch, are visible here (a row-level trigger sees the rows its
-- statement inserted before), so a command's several events chain one to the next. The previous event is found
-- through the unique (aggregate_identifier, sequence_number) index; should it be missing (an event removed from the
-- middle), the new event chains to the one before, and the verification names the gap. The lookup is a statement of
-- its own: inside the hashing expression it kept the functions from being inlined and cost about four times as much
-- (docs/benchmarks.md).
create function domain_event_entry_chain() returns trigger
    language plpgsql as
$$
declare
    previous bytea;
begin
    select earlier.chain_hash into previous
    from domain_event_entry earlier
    where earlier.aggregate_identifier = new.aggregate_identifier
      and earlier.sequence_number < new.sequence_number
    order by earlier.sequence_number desc
    limit 1;
    new.chain_hash := event_chain_link(
        coalesce(previous, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
        event_chain_bytes(new.aggregate_identifier, new.sequence_number, new.event_identifier, new.time_stamp,
                          new.payload_type, new.payload_revision, new.payload, new.meta_data, new.type));
    return new;
end
$$;

create trigger domain_event_entry_chain
    before insert on domain_event_entry
    for each row execute function domain_event_entry_chain();
