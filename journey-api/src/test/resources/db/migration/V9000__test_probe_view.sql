-- Test only: the table of ProbeProjection, a stand-in view for the projection runtime's tests.
create table probe_view (
    aggregate_id varchar(64) not null,
    events       integer     not null,
    last_text    varchar(255),
    constraint probe_view_pk primary key (aggregate_id)
);
create index probe_view_events_ix on probe_view (events);
