-- Axon Framework's storage: events, snapshots, tracking tokens, dead letters and (unused, but mapped by
-- Axon's auto-configuration and so validated by Hibernate) sagas.
-- Column types follow Axon's JPA mapping as Hibernate validates it, with two deliberate choices
-- (docs/adr/0002-event-store-schema.md):
--   * serialized payloads, metadata and tokens are bytea, never oid large objects;
--   * the global index comes from an explicit sequence handed out one number at a time, matching the
--     allocation-size of 1 in META-INF/orm.xml.

create sequence domain_event_entry_global_index_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null default nextval('domain_event_entry_global_index_seq'),
    event_identifier     varchar(255) not null,
    type                 varchar(255),
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_event_identifier_uk unique (event_identifier),
    -- Loading an aggregate reads its events in sequence order: served by this unique index.
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number)
);
-- Rows inserted by hand (bulk loads) take numbers from the same sequence.
alter sequence domain_event_entry_global_index_seq owned by domain_event_entry.global_index;

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    -- Aggregate first: the latest snapshot of one aggregate is the lookup.
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number, type),
    constraint snapshot_event_entry_event_identifier_uk unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) not null,
    owner          varchar(255),
    -- Processor first: tokens are claimed and listed per processor.
    constraint token_entry_pk primary key (processor_name, segment)
);

create table dead_letter_entry (
    dead_letter_id      varchar(255)             not null,
    processing_group    varchar(255)             not null,
    sequence_identifier varchar(255)             not null,
    sequence_index      bigint                   not null,
    message_type        varchar(255)             not null,
    event_identifier    varchar(255)             not null,
    time_stamp          varchar(255)             not null,
    payload_type        varchar(255)             not null,
    payload_revision    varchar(255),
    payload             bytea                    not null,
    meta_data           bytea,
    type                varchar(255),
    aggregate_identifier varchar(255),
    sequence_number     bigint,
    token_type          varchar(255),
    token               bytea,
    enqueued_at         timestamp(6) with time zone not null,
    last_touched        timestamp(6) with time zone,
    processing_started  timestamp(6) with time zone,
    cause_type          varchar(255),
    cause_message       varchar(1023),
    diagnostics         bytea,
    constraint dead_letter_entry_pk primary key (dead_letter_id),
    constraint dead_letter_entry_sequence_uk unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_processing_group_ix on dead_letter_entry (processing_group);
create index dead_letter_entry_group_sequence_ix on dead_letter_entry (processing_group, sequence_identifier);

create sequence association_value_entry_seq start with 1 increment by 50;

create table saga_entry (
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea,
    constraint saga_entry_pk primary key (saga_id)
);

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    constraint association_value_entry_pk primary key (id)
);
create index association_value_entry_lookup_ix on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga_ix on association_value_entry (saga_id, saga_type);
