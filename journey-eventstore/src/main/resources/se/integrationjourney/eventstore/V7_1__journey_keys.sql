-- Crypto-shredding (docs/adr/0020-crypto-shredding.md): one AES-256 key per journey, wrapped (AES-GCM) by the
-- operator's master key, which never reaches the database. Erasing a journey sets wrapped_key to null: its sealed
-- personal details, wherever they were copied, can no longer be opened.
create table journey_key (
    journey_id  uuid        not null,
    -- Order of making: a view's rebuild reads the keys of journeys registered after the one it needs in one query.
    seq         bigint      generated always as identity,
    wrapped_key bytea,
    created_at  timestamptz not null default now(),
    erased_at   timestamptz,
    constraint journey_key_pk primary key (journey_id),
    constraint journey_key_seq_uk unique (seq),
    constraint journey_key_erased_has_no_key check ((wrapped_key is null) = (erased_at is not null))
);

-- Service-wide keys, wrapped by the master key too: the keyed hash of identity numbers. Opening one at start proves
-- that a node was given the right master key.
create table service_key (
    name        varchar(50) not null,
    wrapped_key bytea       not null,
    created_at  timestamptz not null default now(),
    constraint service_key_pk primary key (name)
);
