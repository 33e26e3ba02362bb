-- The analysts' saved studies, one row each, for their list (StudiesProjection; docs/projections.md, "Saved
-- studies"). Built from the studies' events like every view; the study itself, with its kept answer, is read from
-- its events. Neither the answer nor the study's pseudonym key is here.
create table study_list (
    study_id          uuid        not null,
    title             text        not null,
    kind              varchar(20) not null, -- TWO_YEARS_AFTER or TIME_TO
    cohort_year       int         not null,
    municipality_code varchar(4),           -- null: all municipalities
    milestone         varchar(60),          -- TIME_TO only
    measured_from     varchar(30),          -- TIME_TO only: ARRIVAL or ESTABLISHMENT_START
    within_months     int,                  -- TIME_TO only, and only when asked
    as_of             date        not null,
    known_at          timestamptz not null,
    saved_by          text        not null,
    saved_at          timestamptz not null,
    extracts          int         not null default 0,
    last_extract_at   timestamptz,
    constraint study_list_pk primary key (study_id)
);
-- The list is newest first.
create index study_list_saved_at_idx on study_list (saved_at desc, study_id);
