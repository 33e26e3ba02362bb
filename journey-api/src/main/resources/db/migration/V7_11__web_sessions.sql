-- The web application's sessions, shared by every node (Spring Session JDBC; docs/adr/0021-several-nodes-requests.md):
-- a browser signed in on one node stays signed in on another, and a node's death signs nobody out. Spring Session's
-- own schema for PostgreSQL (schema-postgresql.sql of spring-session-jdbc 4.1), created here rather than by its
-- initializer so that Flyway owns every table. Times are epoch milliseconds, as Spring Session writes them.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

-- Each attribute Java-serialized: the signed-in authentication (without the password, erased at sign-in), the CSRF
-- token, the session generation (AccountSessions), the language, a request saved before sign-in, flash messages.
create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
