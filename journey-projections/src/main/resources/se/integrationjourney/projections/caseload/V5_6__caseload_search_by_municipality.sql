-- Finding a person by name among the journeys of one municipality, open and closed (the caseworker's search page):
-- the other indexes hold only open journeys. The search reads this municipality's rows, never the whole view. A
-- rebuilt view gets the index too (its table is created "like" this one, "including all").
create index caseload_by_municipality_idx on caseload (municipality_code);
