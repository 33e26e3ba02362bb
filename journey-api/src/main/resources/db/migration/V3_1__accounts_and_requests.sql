-- The service's own accounts (HTTP Basic). Passwords are stored only as adaptive hashes ({bcrypt}...).
create table account (
    username          varchar(100) not null,
    password_hash     varchar(200) not null,
    roles             varchar(200) not null, -- comma-separated: CASEWORKER, ANALYST, AUDITOR, ADMIN
    municipality_code varchar(4),            -- required for caseworkers: the one municipality they serve
    created_at        timestamptz  not null default now(),
    constraint account_pk primary key (username)
);

-- Idempotency-Key: the first answer to each (user, key), replayed for every repeat. The row is written in
-- the same transaction as the events the request recorded, so a repeat never records twice.
create table idempotent_request (
    username            varchar(100) not null,
    idempotency_key     varchar(200) not null,
    request_fingerprint varchar(64)  not null, -- SHA-256 of method, path and body
    status              integer      not null,
    location            varchar(500),
    response_body       text,
    created_at          timestamptz  not null default now(),
    constraint idempotent_request_pk primary key (username, idempotency_key)
);

-- Every read of a case by a person is itself recorded (docs/domain.md, "Personal data").
create table case_read (
    journey_id uuid         not null,
    username   varchar(100) not null,
    resource   varchar(40)  not null, -- STATE or TIMELINE
    read_at    timestamptz  not null default now()
);
create index case_read_journey_ix on case_read (journey_id, read_at);
