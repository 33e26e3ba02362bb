-- The journey-state view: each journey's case file, as GET /api/journeys/{id} returns it.
-- Holds personal data (caseworkers and auditors read it); never exposed to analysts.
create table journey_state (
    journey_id        uuid        not null,
    municipality_code varchar(4)  not null,
    version           bigint      not null,
    case_file         jsonb       not null,
    constraint journey_state_pk primary key (journey_id)
);
