-- The outcomes view: each registered journey's case file WITHOUT personal data (no name, no personal
-- identity number), with the years the analysts' cohorts are chosen by. Read by OutcomeQueries only.
create table outcome_facts (
    journey_id               uuid        not null,
    municipality_code        varchar(4)  not null,
    arrival_year             int         not null,
    establishment_start_year int,
    establishment_end_year   int,
    case_file                jsonb       not null,
    constraint outcome_facts_pk primary key (journey_id)
);

-- Two-years-after cohorts: establishment end year, optionally one municipality.
create index outcome_facts_end_year_idx on outcome_facts (establishment_end_year, municipality_code);
-- Time-to cohorts from arrival.
create index outcome_facts_arrival_year_idx on outcome_facts (arrival_year, municipality_code);
-- Time-to cohorts from establishment start.
create index outcome_facts_start_year_idx on outcome_facts (establishment_start_year, municipality_code);
