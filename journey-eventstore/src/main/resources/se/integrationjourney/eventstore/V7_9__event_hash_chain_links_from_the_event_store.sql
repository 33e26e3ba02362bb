-- The event store now computes each appended event's link of the hash chain itself and inserts it with the event
-- (se.integrationjourney.eventstore.AppendLinks; docs/adr/0019-hash-chain-kept-by-the-database.md): the trigger of
-- V7_3 looked the previous link up with a statement of its own for every inserted row, and that cost more than a
-- quarter of the append's throughput (docs/benchmarks.md, "Append, protected").
--
-- The trigger stays for every other writer (a bulk load, an insert by hand): it still computes the link of a row
-- inserted without one, by the same definition. A link an insert brings is no longer replaced. That gives a writer
-- no power it lacked: whoever can insert a row could always have it chained (the trigger chained anything), and a
-- wrong link is named by the verification like any other break.
drop trigger domain_event_entry_chain on domain_event_entry;

create trigger domain_event_entry_chain
    before insert on domain_event_entry
    for each row
    when (new.chain_hash is null)
    execute function domain_event_entry_chain();
