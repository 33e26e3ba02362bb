-- The caseload view: one row per journey with the raw dates the due actions are computed from
-- (GET /api/caseload). Due flags are not stored: thresholds are configuration and "today" moves, so
-- the query derives them. Holds names (caseworkers read it); never exposed to analysts.
create table caseload (
    journey_id                 uuid        not null,
    municipality_code          varchar(4)  not null,
    caseworker_id              text,
    full_name                  text,
    arrival_date               date        not null,
    closed                     boolean     not null,
    first_introductory_meeting date,
    first_action_plan          date,
    first_housing_secured      date,
    first_sfi_enrolment        date,
    sfi_level_d_reached        date,
    establishment_start        date,
    establishment_end          date,
    measurement_point          date,
    in_work_or_studies         boolean     not null,
    -- a follow-up 24 months after the establishment end (the measurement point's) is recorded
    follow_up_recorded         boolean     not null,
    case_file                  jsonb       not null,
    constraint caseload_pk primary key (journey_id)
);

-- A caseload query reads only the open journeys of one municipality (optionally one caseworker of it) ...
create index caseload_open_by_municipality_idx on caseload (municipality_code, caseworker_id) where not closed;
-- ... or of one caseworker across municipalities (administrators).
create index caseload_open_by_caseworker_idx on caseload (caseworker_id) where not closed;
