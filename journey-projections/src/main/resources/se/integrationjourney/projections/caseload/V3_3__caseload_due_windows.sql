-- The caseload view keeps, per journey and due action, the window in which the action is due, computed with the
-- thresholds when the journey's events are handled, instead of the raw dates the query used to evaluate for every
-- open journey of a municipality on every request (docs/adr/0009-caseload-due-windows.md). Whether an action is
-- due today is then a comparison of stored dates, and the first page of a caseload an index range scan.
alter table caseload
    drop column first_introductory_meeting,
    drop column first_action_plan,
    drop column first_housing_secured,
    drop column first_sfi_enrolment,
    drop column sfi_level_d_reached,
    drop column in_work_or_studies,
    drop column follow_up_recorded,
    -- since-dates of the actions that stay due until they are done (null: the action does not apply)
    add column no_caseworker_since                              date,
    add column no_introductory_meeting_since                    date,
    add column no_action_plan_since                             date,
    add column no_housing_since                                 date,
    add column not_enrolled_in_sfi_since                        date,
    add column follow_up_due_since                              date,
    -- the two actions due only until an end date
    add column establishment_ending_not_in_work_or_studies_since date,
    add column establishment_ending_not_in_work_or_studies_until date,
    add column sfi_right_ending_without_level_d_since           date,
    add column sfi_right_ending_without_level_d_until           date,
    -- the earliest since-date above of the actions without an end: from that day on the journey is due
    add column due_for_good_since                               date;

-- The due journeys of a municipality (and caseworker), most overdue first: read in index order, a page at a time.
create index caseload_due_for_good_idx on caseload (municipality_code, due_for_good_since, arrival_date, journey_id)
    where not closed and due_for_good_since is not null;
create index caseload_due_for_good_by_caseworker_idx
    on caseload (municipality_code, caseworker_id, due_for_good_since, arrival_date, journey_id)
    where not closed and due_for_good_since is not null;
-- The "ending" actions whose window has not passed (until >= today): a few per open journey in establishment or
-- SFI, never the lapsed ones of old journeys.
create index caseload_establishment_ending_idx
    on caseload (municipality_code, establishment_ending_not_in_work_or_studies_until)
    include (establishment_ending_not_in_work_or_studies_since, arrival_date, journey_id, caseworker_id)
    where not closed and establishment_ending_not_in_work_or_studies_until is not null;
create index caseload_sfi_right_ending_idx
    on caseload (municipality_code, sfi_right_ending_without_level_d_until)
    include (sfi_right_ending_without_level_d_since, arrival_date, journey_id, caseworker_id)
    where not closed and sfi_right_ending_without_level_d_until is not null;

-- The thresholds the rows were computed with. The runner rebuilds the view at start-up when they differ from the
-- application's (a changed setting, or this migration: the table starts empty, so the windows are filled by a
-- rebuild, the journeys listed meanwhile without due actions).
create table caseload_settings (
    thresholds text not null
);
