-- Accounts as people use them in the web application (docs/operations.md, "Accounts and sign-in").
alter table account
    -- Set: the account signs in nowhere, and its web sessions end at their next request.
    add column disabled_at              timestamptz,
    -- Set by an administrator's password reset: the next sign-in must choose a new password before anything else.
    add column password_change_required boolean     not null default false,
    -- The web application's language, chosen by the account's owner: sv or en; null means Swedish.
    add column language                 varchar(2),
    -- Raised by every change that must end the account's web sessions (disabled, password or roles changed): a
    -- session signed in under an older generation is ended at its next request, on whichever node it arrives.
    add column session_generation       integer     not null default 0,
    add constraint account_language_ck check (language in ('sv', 'en'));

-- Who saw or did what: every read of a case by a person and every administrative act (docs/operations.md,
-- "The access log"). Never the personal data itself: journeys by id, accounts by username.
create table access_log (
    id             bigint generated always as identity,
    at             timestamptz  not null default clock_timestamp(),
    username       varchar(100) not null,
    roles          varchar(200) not null, -- the roles the account had then, e.g. CASEWORKER or ADMIN,AUDITOR
    action         varchar(40)  not null, -- e.g. JOURNEY_READ, ACCOUNT_DISABLED, VIEW_REBUILD_STARTED
    resource       varchar(300) not null, -- the endpoint or page, e.g. GET /api/journeys/{journeyId}
    journey_ids    uuid[]       not null default '{}',
    subject        varchar(200),          -- what an administrative act was about: an account's username, a view
    correlation_id varchar(200),
    constraint access_log_pk primary key (id)
);
create index access_log_journeys_ix on access_log using gin (journey_ids);
create index access_log_username_ix on access_log (lower(username), at);

-- Append-only: nobody, not even the service, changes or removes an entry.
create function access_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'access_log is append-only: entries are never changed or deleted';
end
$$;
create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_refuse_change();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_refuse_change();

-- The reads recorded so far move into the access log (their roles were not recorded).
insert into access_log (at, username, roles, action, resource, journey_ids)
select read_at,
       username,
       '',
       case resource when 'TIMELINE' then 'TIMELINE_READ' else 'JOURNEY_READ' end,
       case resource when 'TIMELINE' then 'GET /api/journeys/{journeyId}/timeline' else 'GET /api/journeys/{journeyId}' end,
       array[journey_id]
from case_read
order by read_at;
drop table case_read;
