-- The retention job's runs (docs/operations.md, "Retention (gallring)"): one row a run, for the administration page's
-- last run, and so that the daily run happens once a day whichever of the service's nodes try it. Counts only: which
-- journeys were erased is in the access log, one entry each.
create table retention_run (
    id                   bigint generated always as identity,
    run_date             date         not null, -- the day in Swedish time it ran for
    scheduled            boolean      not null, -- false: an administrator's "run now"
    started_by           varchar(100) not null, -- retention-job, or the administrator's username
    started_at           timestamptz  not null,
    finished_at          timestamptz,
    last_recorded_before timestamptz  not null, -- journeys last recorded before this lost their personal data
    outcome              varchar(20)  not null, -- RUNNING, FINISHED, NO_ERASURE, BUSY, INTERRUPTED, FAILED
    erased               integer      not null default 0,
    already_erased       integer      not null default 0,
    kept_for_research    integer      not null default 0,
    nothing_to_erase     integer      not null default 0,
    not_in_view          integer      not null default 0,
    failed               integer      not null default 0,
    constraint retention_run_pk primary key (id)
);
-- The daily run once a day: a second node that starts it after the first has finished finds the day taken.
create unique index retention_run_scheduled_once_a_day_uk on retention_run (run_date) where scheduled;
